using System.Globalization;
using System.Text;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>The run's results as Markdown: headings, notes and tables, printed as they come and saved at the end.</summary>
public sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Heading(string title) => Add($"\n## {title}\n");

    public void Note(string text) => Add(text + "\n");

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var lines = new StringBuilder();
        lines.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        lines.Append('|').AppendJoin('|', header.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            lines.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        Add(lines.ToString());
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, _text.ToString());
    }

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Ratio(double numerator, double denominator) => denominator <= 0 ? "n/a" : (numerator / denominator).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private void Add(string text)
    {
        _text.AppendLine(text);
        Console.WriteLine(text);
    }
}
