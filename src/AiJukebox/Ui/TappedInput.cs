using AiJukebox.Live;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Ui;

/// <summary>The player's input, with every note also shown on the piano roll (clock thread; no allocation).</summary>
internal sealed class TappedInput(IMidiInput inner, NoteTap tap) : IMidiInput
{
    public bool TryRead(out MidiInputMessage message)
    {
        if (!inner.TryRead(out message))
        {
            return false;
        }

        tap.Observe(message.Status, message.Data1, message.Data2, player: true);
        return true;
    }
}
