namespace AiJukebox.Ui;

/// <summary>The play-style flags given on the command line; null = not given (user settings, then config/ decide).</summary>
internal sealed record UiOptions(string? Model, string? Notes, string? Api, string? Out, string? In);
