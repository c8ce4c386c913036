using System.Text.Json.Serialization;

using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live;

/// <summary>
/// Which key the jukebox keeps to: none (<c>off</c>), the key it hears (<c>auto</c>: estimated
/// from the player's notes, else its own), or a fixed one (<c>F#:major</c>), which starts locked.
/// Written and read as that text (command line, <c>config/jukebox.json</c>).
/// </summary>
[JsonConverter(typeof(KeySettingJsonConverter))]
public sealed record KeySetting
{
    private KeySetting(bool follows, MusicalKey? fixedKey)
    {
        Follows = follows;
        FixedKey = fixedKey;
    }

    /// <summary>No key: the sampler is not steered.</summary>
    public static KeySetting Off { get; } = new(false, null);

    /// <summary>Follows the key estimated from what is played.</summary>
    public static KeySetting Auto { get; } = new(true, null);

    /// <summary>True for <see cref="Auto"/>.</summary>
    public bool Follows { get; }

    /// <summary>The fixed key, or null.</summary>
    public MusicalKey? FixedKey { get; }

    /// <summary>True unless <see cref="Off"/>.</summary>
    public bool IsOn => Follows || FixedKey is not null;

    /// <summary>A fixed key (locked at the start; unlocking it follows the player from there).</summary>
    public static KeySetting Fixed(MusicalKey key) => new(false, key);

    /// <summary>Reads <c>off</c>, <c>auto</c> or <c>&lt;tonic&gt;:&lt;major|minor&gt;</c> (see <see cref="MusicalKey.TryParse"/>).</summary>
    /// <exception cref="ArgumentException">Anything else.</exception>
    public static KeySetting Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }

        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        return MusicalKey.TryParse(text, out var key)
            ? Fixed(key)
            : throw new ArgumentException($"Key '{text}' is not auto, off or <tonic>:<major|minor> (for example F#:major, Bb:minor).");
    }

    /// <inheritdoc />
    public override string ToString() => FixedKey is { } key ? key.ShortName : Follows ? "auto" : "off";
}
