using System.Runtime.InteropServices;

namespace Waymark.Storage.Interactions;

/// <summary>
/// The few calls of SQLite's C interface that appending a batch makes for every event, called on the raw handles of the
/// connection and statement that Microsoft.Data.Sqlite opened (the same e_sqlite3 library it loads). Through SQLitePCL
/// each call takes and releases a reference on a SafeHandle, about 16 times a row: a tenth of the server's work in a batch.
/// The handles are held by their owners (the open connection, the statement in its using) for as long as these are called.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the text before the call returns, so the caller's buffer can be reused.</summary>
    private static readonly nint Transient = -1;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_text(nint statement, int index, ref byte text, int bytes, nint destructor);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_bind_int64(nint statement, int index, long value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_bind_double(nint statement, int index, double value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_bind_null(nint statement, int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_step(nint statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_reset(nint statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_changes(nint connection);

    public static int BindText(nint statement, int index, ReadOnlySpan<byte> text) =>
        // An empty text is bound as one, not as NULL: the reference to its first byte must not be null, so bind a zero-length run of a one-byte buffer.
        text.IsEmpty ? sqlite3_bind_text(statement, index, ref MemoryMarshal.GetReference<byte>([0]), 0, Transient)
            : sqlite3_bind_text(statement, index, ref MemoryMarshal.GetReference(text), text.Length, Transient);
}
