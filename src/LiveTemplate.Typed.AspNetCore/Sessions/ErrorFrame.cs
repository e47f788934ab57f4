namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>An error frame for the browser: a stable code from <see cref="LiveErrorCodes"/>, a sentence, and the action or topic it is about.</summary>
internal readonly record struct ErrorFrame(string Code, string Message, string? Action = null, string? Topic = null);
