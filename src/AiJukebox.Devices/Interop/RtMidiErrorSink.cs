using System.Runtime.InteropServices;
using System.Text;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// Receives RtMidi's error callback for one RtMidi object. With a callback installed RtMidi no longer
/// throws (so the C API's <c>ok</c> flag stays true): errors are kept here until the next
/// <see cref="RtMidiClient.Check"/>, and warnings, which never flip <c>ok</c>, go to <see cref="Warning"/>.
/// </summary>
internal sealed unsafe class RtMidiErrorSink
{
    private readonly Lock _gate = new();
    private string? _error;
    private volatile bool _hasError;
    private string? _lastWarning;

    /// <summary>Raised for each RtMidi warning, on the thread that caused it.</summary>
    public event Action<string>? Warning;

    /// <summary>The function pointer RtMidi calls.</summary>
    public static delegate* unmanaged<int, void*, void*, void> Callback => &OnError;

    /// <summary>Whether an error is pending; a cheap read for the send path.</summary>
    public bool HasError => _hasError;

    /// <summary>Returns and clears the pending error, if any.</summary>
    public string? TakeError()
    {
        lock (_gate)
        {
            string? error = _error;
            _error = null;
            _hasError = false;
            return error;
        }
    }

    /// <summary>Returns and clears the last warning, if any.</summary>
    public string? TakeWarning()
    {
        lock (_gate)
        {
            string? warning = _lastWarning;
            _lastWarning = null;
            return warning;
        }
    }

    internal void Report(int type, string text)
    {
        if (type >= RtMidiNative.ErrorTypeFirstError)
        {
            lock (_gate)
            {
                _error ??= text;
                _hasError = true;
            }

            return;
        }

        lock (_gate)
        {
            _lastWarning = text;
        }

        try
        {
            Warning?.Invoke(text);
        }
        catch (Exception)
        {
            // A subscriber's bug must not unwind into RtMidi's C++ frames.
        }
    }

    [UnmanagedCallersOnly]
    private static void OnError(int type, void* text, void* userData)
    {
        try
        {
            // libstdc++ std::string (C++11 ABI, which the bound symbol's mangling names): { char* data; size_t length; ... }.
            byte* data = *(byte**)text;
            nuint length = *(nuint*)((byte*)text + sizeof(void*));
            string message = Encoding.UTF8.GetString(data, (int)Math.Min(length, 4096));
            if (GCHandle.FromIntPtr((nint)userData).Target is RtMidiErrorSink sink)
            {
                sink.Report(type, message);
            }
        }
        catch (Exception)
        {
            // Nothing may cross back into native code.
        }
    }
}
