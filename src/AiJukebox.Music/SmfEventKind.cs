namespace AiJukebox.Music;

/// <summary>The few kinds of SMF event the importer acts on.</summary>
internal enum SmfEventKind
{
    NoteOff,
    NoteOn,
    Sustain,
    Tempo,
    TimeSignature,

    /// <summary>A program (instrument) change: Data1 is the program.</summary>
    ProgramChange,

    /// <summary>Any other event: it only marks time (the piece's length includes it).</summary>
    Other,
}
