using Levy.Core.Schedule;
using Levy.Core.Search;

namespace Levy.Data.Bundle;

/// <summary>Writes and reads a ready-made search index (<c>search/REVISION</c>, for the newest revision: what
/// <c>levy search</c> uses by default), so that a search does not first tokenise 36,000 description paths.</summary>
/// <remarks>Layout: the document count; each document's line (as the difference from the previous one), path length and
/// own length; the term count; each term (in ordinal order) with its postings (document as a difference, the two counts).</remarks>
internal static class SearchIndexCodec
{
    public static void Write(BundleWriter w, ScheduleSearchIndex index)
    {
        (int[] lines, int[] pathLength, int[] ownLength, IReadOnlyDictionary<string, ScheduleSearchIndex.Posting[]> postings) = index.Parts;
        w.Count(lines.Length);
        int previous = 0;
        for (int d = 0; d < lines.Length; d++)
        {
            w.Int(lines[d] - previous);
            previous = lines[d];
            w.Count(pathLength[d]);
            w.Count(ownLength[d]);
        }

        w.Count(postings.Count);
        foreach (string term in postings.Keys.Order(StringComparer.Ordinal))
        {
            w.String(term);
            ScheduleSearchIndex.Posting[] list = postings[term];
            w.Count(list.Length);
            int doc = 0;
            foreach (ScheduleSearchIndex.Posting p in list)
            {
                w.Int(p.Document - doc);
                doc = p.Document;
                w.Count(p.PathCount);
                w.Count(p.OwnCount);
            }
        }
    }

    public static ScheduleSearchIndex Read(BundleReader r, TariffSchedule schedule)
    {
        int documents = r.Count(schedule.Lines.Length);
        int[] lines = new int[documents], pathLength = new int[documents], ownLength = new int[documents];
        int previous = 0;
        for (int d = 0; d < documents; d++)
        {
            lines[d] = previous + r.Int32();
            if (lines[d] < 0 || lines[d] >= schedule.Lines.Length)
            {
                throw r.Corrupt($"document {d} names line {lines[d]}, outside the revision");
            }

            previous = lines[d];
            pathLength[d] = r.Count();
            ownLength[d] = r.Count();
        }

        int terms = r.Count(10_000_000);
        var postings = new Dictionary<string, ScheduleSearchIndex.Posting[]>(terms, StringComparer.Ordinal);
        for (int t = 0; t < terms; t++)
        {
            string term = r.String();
            var list = new ScheduleSearchIndex.Posting[r.Count(documents)];
            int doc = 0;
            for (int i = 0; i < list.Length; i++)
            {
                doc += r.Int32();
                if (doc < 0 || doc >= documents)
                {
                    throw r.Corrupt($"term {term} names document {doc}, outside the index");
                }

                list[i] = new ScheduleSearchIndex.Posting(doc, (short)r.Count(short.MaxValue), (short)r.Count(short.MaxValue));
            }

            postings[term] = list;
        }

        return r.AtEnd ? new ScheduleSearchIndex(schedule, lines, pathLength, ownLength, postings) : throw r.Corrupt("bytes follow the last term");
    }
}
