namespace AiJukebox.Fuzz;

/// <summary>One reader under fuzzing: what it reads, and the one exception type that is its clear refusal.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Expected">The exception that counts as a clean rejection; any other is a finding.</param>
/// <param name="Run">Reads one input (the bytes, and a scratch file holding them for readers that take a path).</param>
internal sealed record FuzzTarget(string Name, Type Expected, Action<byte[], string> Run);
