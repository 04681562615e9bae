using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Support;

/// <summary>
/// What each demo viewer must see in the memberships panel of each demo profile, written out by hand from the
/// product's visibility table (not computed by the code under test).
/// </summary>
public static class DemoVisibility
{
    public const string Visitor = "visitor";

    public static readonly string[] Viewers =
    [
        DemoWorld.FionaEmail, DemoWorld.AdminEmail, DemoWorld.OmarEmail, DemoWorld.NinaEmail, DemoWorld.LeeEmail,
        DemoWorld.MariaEmail, DemoWorld.RajEmail, DemoWorld.HankEmail, DemoWorld.CarlEmail, Visitor,
    ];

    public sealed record Expectation(string Viewer, string ProfilePath, string[] Names, bool Masked)
    {
        public bool PanelShown => Names.Length > 0 || Masked;

        public override string ToString() => $"{Viewer} → {ProfilePath}";
    }

    public const string Fiona = "/freelancers/" + DemoWorld.FionaHandle;
    public const string Lee = "/freelancers/" + DemoWorld.LeeHandle;
    public const string Omar = "/freelancers/" + DemoWorld.OmarHandle;
    public const string Northwind = "/agencies/" + DemoWorld.NorthwindHandle;

    public static IEnumerable<Expectation> All()
    {
        string[] none = [];
        // Fiona: Active in Acme Pro Mobile Developers and Globex Design Collective.
        yield return new(DemoWorld.FionaEmail, Fiona, [DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], false);
        yield return new(DemoWorld.AdminEmail, Fiona, [DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], false);
        yield return new(DemoWorld.OmarEmail, Fiona, none, true);
        yield return new(DemoWorld.NinaEmail, Fiona, none, true);
        yield return new(DemoWorld.LeeEmail, Fiona, none, true);
        yield return new(DemoWorld.MariaEmail, Fiona, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.RajEmail, Fiona, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.HankEmail, Fiona, [DemoWorld.GlobexDesign], false);
        yield return new(DemoWorld.CarlEmail, Fiona, none, false);
        yield return new(Visitor, Fiona, none, false);

        // Lee: Active in Acme Data Guild, pending in Acme Pro Mobile Developers (never shown).
        yield return new(DemoWorld.LeeEmail, Lee, [DemoWorld.AcmeData], false);
        yield return new(DemoWorld.AdminEmail, Lee, [DemoWorld.AcmeData], false);
        yield return new(DemoWorld.MariaEmail, Lee, [DemoWorld.AcmeData], false);
        yield return new(DemoWorld.RajEmail, Lee, [DemoWorld.AcmeData], false);
        yield return new(DemoWorld.HankEmail, Lee, none, false);
        yield return new(DemoWorld.FionaEmail, Lee, none, true);
        yield return new(DemoWorld.CarlEmail, Lee, none, false);
        yield return new(Visitor, Lee, none, false);

        // Northwind Studio (agency): Active in Acme Pro Mobile Developers.
        yield return new(DemoWorld.NinaEmail, Northwind, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.AdminEmail, Northwind, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.MariaEmail, Northwind, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.RajEmail, Northwind, [DemoWorld.AcmeMobile], false);
        yield return new(DemoWorld.HankEmail, Northwind, none, false);
        yield return new(DemoWorld.OmarEmail, Northwind, none, true);
        yield return new(DemoWorld.FionaEmail, Northwind, none, true);
        yield return new(DemoWorld.CarlEmail, Northwind, none, false);
        yield return new(Visitor, Northwind, none, false);

        // Omar: no memberships, so no panel for anyone.
        foreach (var viewer in Viewers)
        {
            yield return new(viewer, Omar, none, false);
        }
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in All())
        {
            data.Add(e.Viewer, e.ProfilePath);
        }

        return data;
    }

    public static Expectation For(string viewer, string path) => All().Single(e => e.Viewer == viewer && e.ProfilePath == path);
}
