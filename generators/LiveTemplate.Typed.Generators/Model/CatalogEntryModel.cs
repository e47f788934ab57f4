namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One action in the assembly's catalogue.</summary>
internal sealed record CatalogEntryModel(string ActionName, string FullTypeName);
