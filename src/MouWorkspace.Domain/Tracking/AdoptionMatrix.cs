namespace MouWorkspace.Domain.Tracking;

public enum AdoptionFilter { All, Adopted, NotAdopted, Behind }

public enum MatrixSort { Name, Code, Region, Drift, AdoptedOn }

/// <summary>One cell of the countries × MOUs matrix.</summary>
public sealed record MatrixCell(string MouId, int LatestRevision, int? AdoptedRevision, DateOnly? AdoptedOn, int DriftSize)
{
    public bool Adopted => AdoptedRevision is not null;

    public bool Behind => AdoptedRevision is { } adopted && adopted < LatestRevision;

    /// <summary>"adopted", "behind" or "not-adopted": the matrix's state of the cell, as the API and the workbook show it.</summary>
    public string State => !Adopted ? "not-adopted" : Behind ? "behind" : "adopted";
}

public sealed record MatrixRow(string Code, string Name, RegionalGroup Region, IReadOnlyList<MatrixCell> Cells);

/// <summary>Filtering and sorting of the adoption matrix; the cells are computed by the caller from the grains.</summary>
public static class AdoptionMatrix
{
    /// <summary>
    /// Keeps the rows with at least one cell matching <paramref name="filter"/> (for one MOU when
    /// <paramref name="mouId"/> is given), sorted by <paramref name="sort"/>, ties broken by name.
    /// </summary>
    public static IReadOnlyList<MatrixRow> Apply(IEnumerable<MatrixRow> rows, AdoptionFilter filter, MatrixSort sort, bool descending = false, string? mouId = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var kept = rows.Where(r => filter == AdoptionFilter.All || Cells(r, mouId).Any(c => Matches(c, filter)));
        Func<MatrixRow, IComparable?> key = sort switch
        {
            MatrixSort.Code => r => r.Code,
            MatrixSort.Region => r => r.Region,
            MatrixSort.Drift => r => Cells(r, mouId).Select(c => c.DriftSize).DefaultIfEmpty(0).Max(),
            MatrixSort.AdoptedOn => r => Cells(r, mouId).Select(c => c.AdoptedOn).Where(d => d is not null).DefaultIfEmpty(null).Max(),
            _ => r => r.Name,
        };
        // Rows without a value (a country that adopted nothing) come last whichever way the column is sorted: sorting
        // by "Adopted on" is for finding adoptions, not 150 empty rows first (issue 15.17).
        var missingLast = kept.OrderBy(r => key(r) is null ? 1 : 0);
        var ordered = descending ? missingLast.ThenByDescending(key) : missingLast.ThenBy(key);
        return ordered.ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
    }

    public static bool Matches(MatrixCell cell, AdoptionFilter filter) => filter switch
    {
        AdoptionFilter.Adopted => cell.Adopted,
        AdoptionFilter.NotAdopted => !cell.Adopted,
        AdoptionFilter.Behind => cell.Behind,
        _ => true,
    };

    private static IEnumerable<MatrixCell> Cells(MatrixRow row, string? mouId) =>
        mouId is null ? row.Cells : row.Cells.Where(c => c.MouId == mouId);
}
