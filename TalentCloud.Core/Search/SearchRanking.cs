namespace TalentCloud.Core.Search;

/// <summary>A candidate's place in the ranking; text rank is filled in only for the groups the page needs (lower is better).</summary>
internal record struct Ranked(int Id, bool Boosted, int SkillsMatched, double TextRank);

/// <summary>
/// The ranking contract, the same on every database: Active members of the searcher's clouds first, then skills
/// matched, then text rank, then profile id as a stable tie-break. Candidates come in as id sets; they are grouped by
/// (boosted, skills matched), and only the groups the requested page falls into need a text rank at all.
/// </summary>
internal static class SearchRanking
{
    public static readonly Comparer<Ranked> Order = Comparer<Ranked>.Create(static (a, b) =>
    {
        var c = b.Boosted.CompareTo(a.Boosted);
        if (c == 0) c = b.SkillsMatched.CompareTo(a.SkillsMatched);
        if (c == 0) c = a.TextRank.CompareTo(b.TextRank);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    });

    /// <summary>
    /// The candidates of the (boosted, skills matched) groups that overlap [<paramref name="skip"/>, skip + <paramref name="take"/>),
    /// and how many candidates rank before the first of those groups.
    /// </summary>
    public static (List<Ranked> Wanted, int RankedBefore) GroupsForPage(IReadOnlyCollection<int> candidates, IReadOnlySet<int> boosted,
        IReadOnlyDictionary<int, int> skillsMatched, int skip, int take)
    {
        var ranked = new List<Ranked>(candidates.Count);
        foreach (var candidate in candidates)
        {
            ranked.Add(new Ranked(candidate, boosted.Contains(candidate), skillsMatched.GetValueOrDefault(candidate), 0));
        }

        var groups = ranked.CountBy(r => (r.Boosted, r.SkillsMatched))
            .OrderByDescending(g => g.Key.Boosted).ThenByDescending(g => g.Key.SkillsMatched)
            .ToList();
        var before = 0;
        var wantedGroups = new HashSet<(bool, int)>();
        var rankedBefore = 0;
        foreach (var group in groups)
        {
            var after = before + group.Value;
            if (after > skip && before < skip + take)
            {
                if (wantedGroups.Count == 0)
                {
                    rankedBefore = before;
                }

                wantedGroups.Add(group.Key);
            }

            before = after;
        }

        return ([.. ranked.Where(r => wantedGroups.Contains((r.Boosted, r.SkillsMatched)))], rankedBefore);
    }

    /// <summary>The items at [offset, offset + take) in rank order, keeping only the best offset + take in a heap.</summary>
    public static List<Ranked> Slice(List<Ranked> items, int offset, int take)
    {
        var need = offset + take;
        List<Ranked> best;
        if (need >= items.Count)
        {
            best = items;
        }
        else
        {
            // A max-heap of the best `need` items seen so far: its top is the worst of them.
            var heap = new PriorityQueue<Ranked, Ranked>(need + 1, Comparer<Ranked>.Create(static (a, b) => Order.Compare(b, a)));
            foreach (var item in items)
            {
                if (heap.Count < need)
                {
                    heap.Enqueue(item, item);
                }
                else if (Order.Compare(item, heap.Peek()) < 0)
                {
                    heap.DequeueEnqueue(item, item);
                }
            }

            best = [.. heap.UnorderedItems.Select(x => x.Element)];
        }

        best.Sort(Order);
        return [.. best.Skip(offset).Take(take)];
    }
}
