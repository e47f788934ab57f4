using System.Globalization;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>C# literals and identifiers for text that came from user code.</summary>
internal static class Literals
{
    /// <summary>A quoted, escaped C# string literal.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A quoted, escaped UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>Text made safe for an XML documentation comment.</summary>
    public static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The identifier <paramref name="name"/>, with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A literal of <paramref name="type"/> for the constant, as a default parameter value is written.</summary>
    public static string Constant(ConstantModel constant, TypeModel type)
    {
        var numeric = type.Kind == ValueKind.Nullable ? type.Element! : type;
        switch (constant.Kind)
        {
            case ConstantKind.Default:
                return "default";
            case ConstantKind.Boolean:
                return constant.Text;
            case ConstantKind.String:
                return String(constant.Text);
            case ConstantKind.Char:
                return SymbolDisplay.FormatLiteral(constant.Text[0], quote: true);
        }

        var keyword = numeric.Kind switch
        {
            ValueKind.Double => "double",
            ValueKind.Single => "float",
            _ => null,
        };
        if (keyword is not null)
        {
            return constant.Text switch
            {
                "NaN" => keyword + ".NaN",
                "Infinity" => keyword + ".PositiveInfinity",
                "-Infinity" => keyword + ".NegativeInfinity",
                _ => constant.Text + (keyword == "double" ? "d" : "f"),
            };
        }

        return numeric.Kind switch
        {
            ValueKind.Decimal => constant.Text + "m",
            ValueKind.Enum => "(" + type.TypeName + ")(" + constant.Text + ")",
            _ => constant.Text,
        };
    }

    /// <summary>A hexadecimal literal of a bit mask.</summary>
    public static string Mask(ulong mask) => "0x" + mask.ToString("X", CultureInfo.InvariantCulture);
}
