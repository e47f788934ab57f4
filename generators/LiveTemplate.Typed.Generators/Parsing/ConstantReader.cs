using System.Globalization;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>Reads a constructor parameter's default value as data; the emitter writes it as a literal of the parameter's type.</summary>
internal static class ConstantReader
{
    public static ConstantModel DefaultOf(IParameterSymbol parameter) => parameter.ExplicitDefaultValue switch
    {
        null => ConstantModel.Default,
        bool b => new ConstantModel(ConstantKind.Boolean, b ? "true" : "false"),
        string s => new ConstantModel(ConstantKind.String, s),
        char c => new ConstantModel(ConstantKind.Char, c.ToString()),
        double d => new ConstantModel(ConstantKind.Number, d.ToString("R", CultureInfo.InvariantCulture)),
        float f => new ConstantModel(ConstantKind.Number, f.ToString("R", CultureInfo.InvariantCulture)),
        var number => new ConstantModel(ConstantKind.Number, System.Convert.ToString(number, CultureInfo.InvariantCulture) ?? "0"),
    };
}
