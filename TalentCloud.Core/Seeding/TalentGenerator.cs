using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Seeding;

/// <summary>One generated freelancer or agency, before it is stored.</summary>
public sealed record GeneratedTalent(
    int Number, ProfileKind Kind, string DisplayName, string Handle, string Title, string Bio,
    string Country, int HourlyRate, IReadOnlyList<string> Skills);

/// <summary>
/// Deterministic generator of realistic-looking freelancers and agencies: the same seed always gives the same
/// people, skills, countries and rates. Used by the demo world and by the load-data tools.
/// </summary>
public sealed class TalentGenerator(int seed)
{
    private static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Isla", "Jonas", "Keiko", "Luca",
        "Maya", "Nikolai", "Olivia", "Pedro", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Ximena",
        "Yusuf", "Zoe", "Aditi", "Bruno", "Carmen", "Dmitri", "Esther", "Felix", "Giulia", "Hiro", "Ingrid", "Jamal",
    ];

    private static readonly string[] LastNames =
    [
        "Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Silva", "Tanaka",
        "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zielinski", "Adeyemi", "Brennan", "Castillo", "Dang",
    ];

    private static readonly string[] AgencyWords =
    [
        "Pixel", "Harbor", "Summit", "Lumen", "Cedar", "Vector", "Orbit", "Atlas", "Beacon", "Kite", "Quarry", "Nimbus",
    ];

    private static readonly string[] AgencySuffixes = ["Studio", "Labs", "Collective", "Works", "Partners", "Digital"];

    /// <summary>Skill families with a weight: common families are picked more often, so some terms are broad.</summary>
    private static readonly (string Title, int Weight, string[] Skills)[] Families =
    [
        ("Mobile Developer", 18, ["Swift", "Kotlin", "iOS", "Android", "Flutter", "React Native", "Mobile", "Firebase"]),
        ("Data Engineer", 14, ["SQL", "Python", "Spark", "Airflow", "dbt", "Data Warehousing", "Pandas", "PostgreSQL"]),
        ("Web Developer", 22, ["JavaScript", "TypeScript", "React", "Vue", "Node.js", "CSS", "HTML", "Next.js"]),
        ("Product Designer", 12, ["Figma", "UX Research", "UI Design", "Prototyping", "Design Systems", "Illustration"]),
        ("Backend Engineer", 16, ["C#", ".NET", "Java", "Go", "PostgreSQL", "REST APIs", "Microservices", "Redis"]),
        ("DevOps Engineer", 8, ["Kubernetes", "Docker", "Terraform", "AWS", "Azure", "CI/CD", "Linux"]),
        ("Machine Learning Engineer", 6, ["Python", "PyTorch", "TensorFlow", "Machine Learning", "NLP", "SQL"]),
        ("Content Writer", 4, ["Copywriting", "SEO", "Technical Writing", "Editing", "Content Strategy"]),
    ];

    private static readonly (string Code, int Weight)[] Countries =
    [
        ("US", 20), ("GB", 8), ("DE", 7), ("IN", 12), ("PL", 6), ("UA", 5), ("BR", 6), ("PH", 6), ("CA", 5),
        ("FR", 4), ("ES", 4), ("NG", 4), ("PK", 4), ("MX", 3), ("NL", 3), ("AU", 3),
    ];

    private static readonly string[] Adjectives =
    [
        "Senior", "Experienced", "Pragmatic", "Detail-oriented", "Full-time", "Certified", "Lead", "Independent",
    ];

    private readonly Random random = new(seed);

    /// <summary>Generates <paramref name="count"/> profiles; every <paramref name="agencyEvery"/>-th one is an agency.</summary>
    public IEnumerable<GeneratedTalent> Generate(int count, int firstNumber = 1, int agencyEvery = 10)
    {
        for (var i = 0; i < count; i++)
        {
            var number = firstNumber + i;
            var kind = agencyEvery > 0 && number % agencyEvery == 0 ? ProfileKind.Agency : ProfileKind.Freelancer;
            var family = PickWeighted(Families, f => f.Weight);
            var skillCount = random.Next(3, Math.Min(7, family.Skills.Length) + 1);
            var skills = family.Skills.OrderBy(_ => random.Next()).Take(skillCount).ToList();
            if (random.Next(4) == 0)
            {
                // People often carry one skill from a neighbouring family.
                var other = Families[random.Next(Families.Length)].Skills;
                var extra = other[random.Next(other.Length)];
                if (!skills.Contains(extra, StringComparer.OrdinalIgnoreCase))
                {
                    skills.Add(extra);
                }
            }

            var name = kind == ProfileKind.Agency
                ? $"{AgencyWords[random.Next(AgencyWords.Length)]} {AgencySuffixes[random.Next(AgencySuffixes.Length)]}"
                : $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var handle = $"{ProfileHandle.FromName(name)}-{number}";
            var country = PickWeighted(Countries, c => c.Weight).Code;
            var rate = (int)Math.Round(Math.Clamp(15 + (random.NextDouble() * random.NextDouble() * 160), 10, 250));
            var adjective = Adjectives[random.Next(Adjectives.Length)];
            var title = kind == ProfileKind.Agency ? $"{family.Title} team" : $"{adjective} {family.Title}";
            var bio = kind == ProfileKind.Agency
                ? $"{name} is a team of {random.Next(3, 40)} specialists in {string.Join(", ", skills.Take(3))}. We have shipped {random.Next(5, 200)} projects for clients of every size."
                : $"{adjective} {family.Title.ToLowerInvariant()} with {random.Next(1, 20)} years of experience in {string.Join(", ", skills.Take(3))}. I care about clear communication and dependable delivery.";
            yield return new GeneratedTalent(number, kind, name, handle, title, bio, country, rate, skills);
        }
    }

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = items.Sum(weight);
        var roll = random.Next(total);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
