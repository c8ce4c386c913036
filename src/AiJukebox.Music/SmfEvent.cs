namespace AiJukebox.Music;

// One event of interest with its absolute tick and its place in the file (for stable ordering).
// Data1: pitch, pedal value, microseconds per quarter note, or time-signature numerator.
// Data2: velocity, or time-signature denominator.
internal readonly record struct SmfEvent(long Tick, int Track, int Order, SmfEventKind Kind, int Channel, int Data1, int Data2);
