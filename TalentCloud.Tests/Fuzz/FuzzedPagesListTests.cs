using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace TalentCloud.Tests.Fuzz;

/// <summary>The fuzz list keeps up with the app: every page with a route parameter or a query parameter is listed, with all of its query parameters.</summary>
public sealed class FuzzedPagesListTests
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private static IEnumerable<Type> Pages() =>
        typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any());

    private static string[] QueryNames(Type page) =>
        [.. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Query is not null)
            .Select(p => p.Query!.Name ?? p.Property.Name)];

    [Fact]
    public void Every_page_reading_a_route_or_query_value_is_in_the_fuzz_list()
    {
        var missing = new List<string>();
        foreach (var page in Pages())
        {
            var query = QueryNames(page);
            foreach (var template in page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            {
                if (!template.Contains('{', StringComparison.Ordinal) && query.Length == 0)
                {
                    continue;
                }

                var listed = FuzzedPages.All.SingleOrDefault(p => p.Component == page && p.Template == template);
                if (listed is null)
                {
                    missing.Add($"{page.Name} at {template} is not in FuzzedPages.All");
                    continue;
                }

                missing.AddRange(query.Except(listed.Query, Names).Select(q => $"{page.Name} at {template}: query parameter '{q}' is not listed"));
                missing.AddRange(listed.Query.Except(query, Names).Select(q => $"{page.Name} at {template}: listed query parameter '{q}' is not read by the page"));
                var routeNames = RouteParameters(template);
                if (!routeNames.SequenceEqual(listed.Route.Select(r => r.Name), Names))
                {
                    missing.Add($"{page.Name} at {template}: route parameters [{string.Join(", ", routeNames)}] are listed as [{string.Join(", ", listed.Route.Select(r => r.Name))}]");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void The_fuzz_list_names_only_real_routes()
    {
        foreach (var page in FuzzedPages.All)
        {
            Assert.Contains(page.Template, page.Component.GetCustomAttributes<RouteAttribute>().Select(r => r.Template));
        }

        Assert.Equal(FuzzedPages.All.Count, FuzzedPages.All.Select(p => p.Template).Distinct().Count());
    }

    /// <summary>The parameter names of a route template, in order ("/jobs/{Id:int}" → Id).</summary>
    public static string[] RouteParameters(string template) =>
        [.. template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '?')[0].TrimStart('*'))];
}
