using System.Net.WebSockets;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>Why the server closes a connection: the close status and reason, and an error frame to send first.</summary>
internal sealed record CloseRequest(WebSocketCloseStatus Status, string Reason, ErrorFrame? Error);
