namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// Browser tests run one class at a time and never beside other tests: each starts a server and a Chromium, and on a
/// two-core machine running them in parallel starves the Blazor circuits they drive.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
