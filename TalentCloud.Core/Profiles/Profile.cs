namespace TalentCloud.Core.Profiles;

public enum ProfileKind
{
    Freelancer = 1,
    Agency = 2,
}

/// <summary>How a profile is willing to be paid, and which ways a cloud accepts. Flags: a profile may offer both.</summary>
[Flags]
public enum EngagementTypes
{
    None = 0,
    Hourly = 1,
    FixedPrice = 2,
}

/// <summary>The legal form of a registered business, part of the proof of independent-contractor status.</summary>
public enum BusinessEntityType
{
    None = 0,
    SoleProprietorship = 1,
    Partnership = 2,
    LimitedCompany = 3,
    Corporation = 4,
    Cooperative = 5,
}

/// <summary>
/// A freelancer's or an agency's public profile. Freelancers own theirs; an agency's is owned by the agency owner.
/// Both kinds join clouds, apply to jobs and appear in search the same way, so they share one entity.
/// </summary>
public sealed class Profile
{
    public const int DisplayNameMaxLength = 100;
    public const int HandleMaxLength = 64;
    public const int TitleMaxLength = 120;
    public const int BioMaxLength = 4000;
    public const int CountryLength = 2;
    public const int SkillMaxLength = 40;
    public const int MaxSkills = 30;
    public const int MaxHourlyRate = 1000;
    public const int TimeZoneMaxLength = 64;
    public const int BusinessNameMaxLength = 150;
    public const int RegistrationNumberMaxLength = 50;
    public const int LicenceNumberMaxLength = 50;

    public int Id { get; private set; }
    public ProfileKind Kind { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary>Unique address part: lower-case letters, digits and dashes.</summary>
    public string Handle { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string Bio { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public string Country { get; private set; } = "";

    /// <summary>Whole US dollars per hour.</summary>
    public int HourlyRate { get; private set; }

    /// <summary>IANA time zone id (e.g. "Asia/Singapore"), or empty when not given.</summary>
    public string TimeZone { get; private set; } = "";

    public EngagementTypes EngagementTypes { get; private set; } = EngagementTypes.Hourly | EngagementTypes.FixedPrice;

    public BusinessEntityType BusinessEntityType { get; private set; }

    /// <summary>The registered business's name; meaningful together with <see cref="BusinessEntityType"/>.</summary>
    public string BusinessName { get; private set; } = "";

    /// <summary>Company or tax registration number.</summary>
    public string RegistrationNumber { get; private set; } = "";

    /// <summary>A professional licence number.</summary>
    public string LicenceNumber { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public List<ProfileSkill> Skills { get; private set; } = [];

    /// <summary>A new, empty profile of a freelancer or an agency, owned by the account that registered it.</summary>
    public static Profile Create(ProfileKind kind, string ownerUserId, string displayName, string handle, DateTimeOffset at) =>
        new() { Kind = kind, OwnerUserId = ownerUserId, DisplayName = displayName, Handle = handle, CreatedAt = at };

    /// <summary>
    /// Replaces everything its owner edits (validated by the caller). A business name only goes with a business
    /// entity; skills are kept, added and dropped by name without regard to case.
    /// </summary>
    public void Update(ProfileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DisplayName = settings.DisplayName;
        Title = settings.Title;
        Bio = settings.Bio;
        HourlyRate = settings.HourlyRate;
        Country = settings.Country;
        TimeZone = settings.TimeZone;
        EngagementTypes = settings.EngagementTypes;
        BusinessEntityType = settings.BusinessEntityType;
        BusinessName = settings.BusinessEntityType == BusinessEntityType.None ? "" : settings.BusinessName;
        RegistrationNumber = settings.RegistrationNumber;
        LicenceNumber = settings.LicenceNumber;
        Skills.RemoveAll(s => !settings.Skills.Contains(s.Name, StringComparer.OrdinalIgnoreCase));
        foreach (var skill in settings.Skills.Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(s => !Skills.Any(x => string.Equals(x.Name, s, StringComparison.OrdinalIgnoreCase))))
        {
            Skills.Add(new ProfileSkill(skill));
        }
    }
}

/// <summary>One skill of a profile, stored as its own row so skills can be indexed and matched.</summary>
public sealed class ProfileSkill
{
    private ProfileSkill()
    {
    }

    internal ProfileSkill(string name) => Name = name;

    public int ProfileId { get; private set; }
    public string Name { get; private set; } = "";
}
