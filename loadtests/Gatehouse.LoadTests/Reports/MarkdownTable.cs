using System.Globalization;
using System.Text;

namespace Gatehouse.LoadTests.Reports;

/// <summary>A GitHub Markdown table; the first column is left-aligned, the others right-aligned.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append("| --- |").AppendJoin(string.Empty, headers.Skip(1).Select(_ => " ---: |")).AppendLine();
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }

    /// <summary>Milliseconds with three decimals.</summary>
    public static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Free text (an error message) as one cell: on one line, its pipes escaped.</summary>
    public static string Cell(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        double d => d.ToString(Math.Abs(d) >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
