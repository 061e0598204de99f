
namespace LivingLab.Storage;

/// <summary>Puts rows read in a store's index order into the contract's ordinal (UTF-16) member order.</summary>
internal static class RowOrder
{
    // Both stores keep members in UTF-8 byte order (code point order), which differs from ordinal order only where a
    // character above U+FFFF meets one in U+E000..U+FFFF at the same position. That is rare, so one pass checks first
    // and a set already in order costs no sort.
    public static List<GrainRow> Ordinal(List<GrainRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (string.CompareOrdinal(rows[i - 1].Member, rows[i].Member) > 0)
            {
                rows.Sort(static (a, b) => string.CompareOrdinal(a.Member, b.Member));
                break;
            }
        }

        return rows;
    }
}
