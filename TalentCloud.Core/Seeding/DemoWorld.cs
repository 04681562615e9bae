namespace TalentCloud.Core.Seeding;

/// <summary>The documented demo accounts and names. Tests and README refer to these; keep them stable.</summary>
public static class DemoWorld
{
    public const string Password = "TalentCloud#2026";

    public const string AdminEmail = "admin@talentcloud.test";
    public const string MariaEmail = "maria@acme.test";
    public const string RajEmail = "raj@acme.test";
    public const string HankEmail = "hank@globex.test";
    public const string CarlEmail = "carl@initech.test";
    public const string FionaEmail = "fiona@talent.test";
    public const string LeeEmail = "lee@talent.test";
    public const string OmarEmail = "omar@talent.test";
    public const string NinaEmail = "nina@northwind.test";

    public const string Acme = "Acme Corp";
    public const string Globex = "Globex";
    public const string Initech = "Initech";

    public const string AcmeMobile = "Acme Pro Mobile Developers";
    public const string AcmeData = "Acme Data Guild";
    public const string GlobexDesign = "Globex Design Collective";

    public const string FionaHandle = "fiona-park";
    public const string LeeHandle = "lee-chen";
    public const string OmarHandle = "omar-haddad";
    public const string NorthwindHandle = "northwind-studio";

    public static readonly IReadOnlyList<string> AllCloudNames = [AcmeMobile, AcmeData, GlobexDesign];
}
