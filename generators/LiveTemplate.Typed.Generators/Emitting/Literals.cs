using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>C# literals for text that came from user code.</summary>
internal static class Literals
{
    /// <summary>A quoted, escaped C# string literal.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A quoted, escaped UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>Text made safe for an XML documentation comment.</summary>
    public static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
