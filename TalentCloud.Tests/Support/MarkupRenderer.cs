using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace TalentCloud.Tests.Support;

/// <summary>Renders a component to HTML with the framework's <see cref="HtmlRenderer"/> and parses it with AngleSharp.</summary>
public static class MarkupRenderer
{
    public static async Task<(string Html, IDocument Document)> RenderAsync<TComponent>(
        IDictionary<string, object?> parameters, IServiceProvider? services = null)
        where TComponent : IComponent
    {
        services ??= new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        var document = await new HtmlParser().ParseDocumentAsync($"<!DOCTYPE html><html><body>{html}</body></html>");
        return (html, document);
    }
}
