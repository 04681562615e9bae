namespace TalentCloud.Core.Seeding;

/// <summary>The documented demo accounts and names. Tests and README refer to these; keep them stable.</summary>
public static class DemoWorld
{
    public const string Password = "TalentCloud#2026";

    public const string AdminEmail = "admin@talentcloud.test";
    public const string MariaEmail = "maria@acme.test";
    public const string RajEmail = "raj@acme.test";
    public const string RitaEmail = "rita@acme.test";
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

    // Jobs. Cloud jobs: two in Acme Pro Mobile Developers, one in Globex Design Collective.
    public const string AcmeIosJob = "Senior iOS developer for a delivery app";
    public const string GlobexUxJob = "UX review of an industrial dashboard";
    public const string InitechApiJob = "C# developer for a banking API";
    public const string AcmeKotlinCloudJob = "Kotlin developer for the Acme Rewards app";
    public const string AcmeFlutterCloudJob = "Flutter prototype for a warehouse scanner";
    public const string GlobexDesignCloudJob = "Design system refresh for Globex control panels";

    /// <summary>A public Acme job with omar's proposal, to hire from through an offer.</summary>
    public const string AcmeLoyaltyApiJob = "Backend developer for the Acme loyalty API";

    /// <summary>Posted to Acme Pro Mobile Developers first, open to everyone since two days before seeding.</summary>
    public const string AcmeOpenedCloudFirstJob = "Review the offline sync of the Acme Rewards app";

    /// <summary>The jobs only their clouds' members see (the opened cloud-first job is public by now).</summary>
    public static readonly IReadOnlyList<string> CloudJobTitles = [AcmeKotlinCloudJob, AcmeFlutterCloudJob, GlobexDesignCloudJob];

    public static readonly IReadOnlyList<string> AllCloudNames = [AcmeMobile, AcmeData, GlobexDesign];
}
