using TalentCloud.Core.ContactRules;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Profiles;

/// <summary>The editable fields of one's own profile (what the settings form edits).</summary>
public sealed record ProfileSettings(
    string DisplayName,
    string Title,
    string Bio,
    IReadOnlyList<string> Skills,
    int HourlyRate,
    string Country,
    string TimeZone,
    EngagementTypes EngagementTypes,
    BusinessEntityType BusinessEntityType,
    string BusinessName,
    string RegistrationNumber,
    string LicenceNumber)
{
    /// <summary>A profile's current settings (skills in alphabetical order), e.g. to change one field of them.</summary>
    public static ProfileSettings Of(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ProfileSettings(profile.DisplayName, profile.Title, profile.Bio,
            [.. profile.Skills.Select(s => s.Name).Order(StringComparer.OrdinalIgnoreCase)], profile.HourlyRate, profile.Country,
            profile.TimeZone, profile.EngagementTypes, profile.BusinessEntityType, profile.BusinessName, profile.RegistrationNumber,
            profile.LicenceNumber);
    }
}

/// <summary>The settings page's data: the fields, plus what is derived and never typed in.</summary>
public sealed record ProfileSettingsView(int ProfileId, ProfileKind Kind, string Handle, ProfileSettings Settings, int DistinctClients)
{
    /// <summary>The public profile's address.</summary>
    public string Url => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;
}

/// <summary>Freelancers and agency owners edit their own profile, including the facts cloud criteria look at.</summary>
public sealed class ProfileSettingsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The actor's own profiles (most people have one).</summary>
    public async Task<IReadOnlyList<ProfileSettingsView>> ListOwnAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var views = new List<ProfileSettingsView>();
        foreach (var id in actor.ProfileIds.Order())
        {
            if (await GetAsync(actor, id, ct) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    /// <summary>One's own profile; null for anyone else's.</summary>
    public async Task<ProfileSettingsView?> GetAsync(Actor actor, int profileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.OwnsProfile(profileId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Profiles.AsNoTracking().Include(x => x.Skills).SingleOrDefaultAsync(x => x.Id == profileId, ct);
        if (p is null)
        {
            return null;
        }

        var facts = await ProfileFacts.LoadAsync(db, profileId, ct);
        return new ProfileSettingsView(p.Id, p.Kind, p.Handle, ProfileSettings.Of(p), facts!.DistinctClients);
    }

    public async Task<Result> UpdateAsync(Actor actor, int profileId, ProfileSettings input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.OwnsProfile(profileId))
        {
            return Result.Failure("That profile does not exist.");
        }

        var errors = new List<string>();
        var name = Clean(input.DisplayName);
        var title = Clean(input.Title);
        var bio = UserText.Block(input.Bio);
        var country = Clean(input.Country).ToUpperInvariant();
        var timeZone = Clean(input.TimeZone);
        var businessName = Clean(input.BusinessName);
        var registration = Clean(input.RegistrationNumber);
        var licence = Clean(input.LicenceNumber);
        var skills = (input.Skills ?? []).Select(Clean).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        if (name.Length == 0)
        {
            errors.Add("Display name is required.");
        }

        Limit(errors, "Display name", name, Profile.DisplayNameMaxLength);
        Limit(errors, "Title", title, Profile.TitleMaxLength);
        Limit(errors, "Bio", bio, Profile.BioMaxLength);
        Limit(errors, "Business name", businessName, Profile.BusinessNameMaxLength);
        Limit(errors, "Registration number", registration, Profile.RegistrationNumberMaxLength);
        Limit(errors, "Licence number", licence, Profile.LicenceNumberMaxLength);
        if (skills.Count > Profile.MaxSkills)
        {
            errors.Add($"At most {Profile.MaxSkills} skills.");
        }

        if (skills.Any(s => s.Length > Profile.SkillMaxLength))
        {
            errors.Add($"Each skill is at most {Profile.SkillMaxLength} characters.");
        }

        if (input.HourlyRate is < 0 or > Profile.MaxHourlyRate)
        {
            errors.Add($"Hourly rate must be between $0 and ${Profile.MaxHourlyRate:N0}.");
        }

        if (country.Length > 0 && !CloudService.IsCountryCode(country))
        {
            errors.Add("Country must be a two-letter ISO code such as US, DE or SG.");
        }

        if (timeZone.Length > 0 && (timeZone.Length > Profile.TimeZoneMaxLength || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)))
        {
            errors.Add("Time zone must be a known zone such as Europe/Berlin or Asia/Singapore.");
        }

        if ((input.EngagementTypes & ~(EngagementTypes.Hourly | EngagementTypes.FixedPrice)) != 0)
        {
            errors.Add("Unknown engagement type.");
        }

        if (!Enum.IsDefined(input.BusinessEntityType))
        {
            errors.Add("Unknown business entity type.");
        }
        else if (input.BusinessEntityType != BusinessEntityType.None && businessName.Length == 0)
        {
            errors.Add("Give the registered business's name, or choose no business entity.");
        }

        // The profile page is public: no contact details in what it shows, for anyone.
        errors.AddRange(PublicTextPolicy.Check(name, "The display name").Errors);
        errors.AddRange(PublicTextPolicy.Check(title, "The title").Errors);
        errors.AddRange(PublicTextPolicy.Check(bio, "The bio").Errors);
        foreach (var skill in skills)
        {
            errors.AddRange(PublicTextPolicy.Check(skill, $"The skill \"{skill}\"").Errors);
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        var settings = new ProfileSettings(name, title, bio, skills, input.HourlyRate, country, timeZone, input.EngagementTypes,
            input.BusinessEntityType, businessName, registration, licence);
        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var profile = await uow.Db.Profiles.Include(p => p.Skills).SingleOrDefaultAsync(p => p.Id == profileId, ct);
            if (profile is null)
            {
                return Result.Failure("That profile does not exist.");
            }

            profile.Update(settings);
            uow.Audit(actor, "profile.updated", profile.DisplayName, "Saved", profileId: profileId);
            return Result.Success;
        }, ct);
    }

    private static string Clean(string? value) => UserText.Line(value);

    private static void Limit(List<string> errors, string field, string value, int max)
    {
        if (value.Length > max)
        {
            errors.Add($"{field} is at most {max:N0} characters.");
        }
    }
}
