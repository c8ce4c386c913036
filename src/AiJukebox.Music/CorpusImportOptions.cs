namespace AiJukebox.Music;

/// <summary>How a collection of MIDI files becomes a notes file.</summary>
/// <param name="Tokenizer">"events", "remi" or "chords".</param>
/// <param name="ChordOctaves">For "chords": keep the octaves of chord notes.</param>
/// <param name="Midi">How notes are taken from each file; null means <see cref="ImportOptions.Default"/>.</param>
/// <param name="MaxDegreeOfParallelism">Files read at once; -1 means one per processor. The output does not depend on it.</param>
/// <param name="BeatAnnotations">Where a <see cref="Music.BeatAnnotations.FileName"/> lies beside a MIDI file, take the bars from it instead of the file's time signatures (see <see cref="Music.BeatAnnotations"/>).</param>
public sealed record CorpusImportOptions(string Tokenizer = EventsTokenizer.TokenizerName, bool ChordOctaves = false, ImportOptions? Midi = null, int MaxDegreeOfParallelism = -1, bool BeatAnnotations = true);
