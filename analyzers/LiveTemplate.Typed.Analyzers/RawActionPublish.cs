using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>A <c>PublishServerActionAsync</c>, <c>PublishGroupActionAsync</c> or <c>PublishToTopicAsync</c> call: the scope it sends in and its <c>action</c> parameter.</summary>
internal sealed record RawActionPublish(ActionKind Kind, IParameterSymbol ActionParameter);
