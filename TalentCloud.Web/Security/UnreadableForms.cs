namespace TalentCloud.Web.Security;

/// <summary>
/// A posted form the framework cannot decode (a null character, a malformed encoding) gets a 400 page saying so, before
/// anything reads the form: otherwise the first reader (the rate limits, an endpoint) fails with a server error. A
/// readable form is parsed once here and kept for the readers after.
/// </summary>
public static class UnreadableForms
{
    public const string Title = "This form could not be read";

    public const string Sentence = "It contains characters that cannot be sent, such as a null character. Go back, remove them and send the form again; nothing was saved.";

    public static IApplicationBuilder UseUnreadableFormRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    await ShortPage.WriteAsync(context.Response, StatusCodes.Status400BadRequest, Title, Sentence, context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
}
