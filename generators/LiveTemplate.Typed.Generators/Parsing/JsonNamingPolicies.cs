using System.Globalization;
using System.Text;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// The property naming policies of System.Text.Json (<c>JsonKnownNamingPolicy</c>), reproduced so the browser
/// declarations name an update's members as the serializer writes them. The separator policies follow
/// <c>JsonSeparatorNamingPolicy</c>: 'XMLReader' is 'xml_reader', 'SHA512Hash' is 'sha512_hash'.
/// </summary>
internal static class JsonNamingPolicies
{
    /// <summary><c>JsonKnownNamingPolicy</c>'s values.</summary>
    public const int Unspecified = 0, CamelCase = 1, SnakeCaseLower = 2, SnakeCaseUpper = 3, KebabCaseLower = 4, KebabCaseUpper = 5;

    /// <summary>The name <paramref name="policy"/> gives a member declared as <paramref name="name"/>; null for a policy this version does not know.</summary>
    public static string? Apply(int policy, string name) => policy switch
    {
        Unspecified => name,
        CamelCase => ActionNaming.CamelCase(name),
        SnakeCaseLower => Separated(name, '_', lowercase: true),
        SnakeCaseUpper => Separated(name, '_', lowercase: false),
        KebabCaseLower => Separated(name, '-', lowercase: true),
        KebabCaseUpper => Separated(name, '-', lowercase: false),
        _ => null,
    };

    private enum State
    {
        NotStarted,
        UppercaseLetter,
        LowercaseLetterOrDigit,
        SpaceSeparator,
    }

    private static string Separated(string name, char separator, bool lowercase)
    {
        var text = new StringBuilder(name.Length + 4);
        var state = State.NotStarted;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            switch (char.GetUnicodeCategory(current))
            {
                case UnicodeCategory.UppercaseLetter:
                    // A capital after lower case or spaces starts a word; in a run of capitals, the last one starts
                    // a word when lower case follows it.
                    if (state is State.LowercaseLetterOrDigit or State.SpaceSeparator
                        || (state == State.UppercaseLetter && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        text.Append(separator);
                    }

                    text.Append(lowercase ? char.ToLowerInvariant(current) : current);
                    state = State.UppercaseLetter;
                    break;
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.DecimalDigitNumber:
                    if (state == State.SpaceSeparator)
                    {
                        text.Append(separator);
                    }

                    text.Append(!lowercase && char.IsLower(current) ? char.ToUpperInvariant(current) : current);
                    state = State.LowercaseLetterOrDigit;
                    break;
                case UnicodeCategory.SpaceSeparator:
                    state = state == State.NotStarted ? state : State.SpaceSeparator;
                    break;
                default:
                    text.Append(current);
                    state = State.NotStarted;
                    break;
            }
        }

        return text.ToString();
    }
}
