namespace AiJukebox.Live.Tests.Fakes;

internal sealed record SentMessage(long Ticks, byte[] Bytes)
{
    public int Kind => Bytes[0] & 0xF0;

    public int Channel => Bytes[0] & 0x0F;

    public bool IsNoteOn => Kind == 0x90 && Bytes[2] > 0;

    public bool IsNoteOff => Kind == 0x80 || (Kind == 0x90 && Bytes[2] == 0);

    public int Pitch => Bytes[1];

    public double Seconds(long frequency) => Ticks / (double)frequency;

    public override string ToString() => $"{Ticks}: {Convert.ToHexString(Bytes)}";
}
