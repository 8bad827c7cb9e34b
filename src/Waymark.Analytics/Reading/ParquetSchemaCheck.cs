using System.Buffers.Binary;

namespace Waymark.Analytics.Reading;

/// <summary>
/// Looks at a Parquet file's footer before Parquet.Net does: Parquet.Net builds the schema tree by recursion, so a
/// file whose columns nest thousands of levels deep overflows the stack and takes the whole process down. This walks
/// the footer's Thrift (compact protocol) with a depth limit, reads each schema element's number of children and
/// refuses a schema nested deeper than <see cref="MaxNesting"/>. A footer it cannot make sense of is left to Parquet.Net
/// to report.
/// </summary>
internal static class ParquetSchemaCheck
{
    public const int MaxNesting = 64;

    public static void Check(Stream stream, string file)
    {
        if (!stream.CanSeek || stream.Length < 12) return;
        var start = stream.Position;
        try
        {
            Span<byte> tail = stackalloc byte[8];
            stream.Seek(-8, SeekOrigin.End);
            stream.ReadExactly(tail);
            if (!tail[4..].SequenceEqual("PAR1"u8)) return;
            var length = BinaryPrimitives.ReadInt32LittleEndian(tail);
            if (length <= 0 || length > stream.Length - 12) return;
            var footer = new byte[length];
            stream.Seek(-8 - length, SeekOrigin.End);
            stream.ReadExactly(footer);
            int[] children;
            try
            {
                children = new Footer(footer).SchemaChildren();
            }
            catch (Exception e) when (e is IndexOutOfRangeException or OverflowException)
            {
                return; // truncated or not Thrift: Parquet.Net says so
            }
            catch (InvalidDataException)
            {
                throw Deep(file);
            }
            // Schema elements come depth first; a stack of the children still to come gives each element's depth.
            var open = new Stack<int>();
            foreach (var count in children)
            {
                while (open.Count > 0 && open.Peek() == 0) open.Pop();
                if (open.Count > 0) open.Push(open.Pop() - 1);
                if (count > 0) open.Push(count);
                if (open.Count > MaxNesting) throw Deep(file);
            }
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static EventLogFormatException Deep(string file) =>
        new(file, "the schema", null, $"its columns are nested more than {MaxNesting} levels deep (an event log has flat columns)");

    /// <summary>A Thrift compact-protocol reader that only skips, except for FileMetaData.schema[].num_children.</summary>
    private sealed class Footer(byte[] bytes)
    {
        private int _pos;

        public int[] SchemaChildren()
        {
            var children = new List<int>();
            short id = 0;
            while (NextField(ref id, out var type))
            {
                if (id == 2 && type == 9)
                {
                    var (size, elementType) = ListHeader();
                    for (var i = 0; i < size; i++)
                    {
                        if (elementType != 12) { Skip(elementType, 1, inList: true); continue; }
                        var count = 0;
                        short field = 0;
                        while (NextField(ref field, out var t))
                        {
                            if (field == 5 && t == 5) count = (int)Zigzag(VarInt());
                            else Skip(t, 2, inList: false);
                        }
                        children.Add(count);
                    }
                }
                else Skip(type, 1, inList: false);
            }
            return children.ToArray();
        }

        private bool NextField(ref short id, out int type)
        {
            var header = bytes[_pos++];
            type = header & 0x0F;
            if (header == 0) return false;
            var delta = header >> 4;
            id = delta == 0 ? (short)Zigzag(VarInt()) : (short)(id + delta);
            return true;
        }

        private (int Size, int ElementType) ListHeader()
        {
            var header = bytes[_pos++];
            var size = header >> 4;
            return (size == 15 ? (int)VarInt() : size, header & 0x0F);
        }

        private void Skip(int type, int depth, bool inList)
        {
            if (depth > MaxNesting) throw new InvalidDataException("nested too deep");
            switch (type)
            {
                case 1 or 2: if (inList) _pos++; break; // a bool is in the field header, but a byte of its own in a list
                case 3: _pos++; break;
                case 4 or 5 or 6: VarInt(); break;
                case 7: _pos += 8; break;
                case 8:
                    var length = checked((int)VarInt()); // read before _pos is, which it moves
                    _pos += length;
                    break;
                case 9 or 10:
                    var (size, element) = ListHeader();
                    for (var i = 0; i < size; i++) Skip(element, depth + 1, inList: true);
                    break;
                case 11:
                    var entries = (int)VarInt();
                    if (entries == 0) break;
                    var kinds = bytes[_pos++];
                    for (var i = 0; i < entries; i++) { Skip(kinds >> 4, depth + 1, true); Skip(kinds & 0x0F, depth + 1, true); }
                    break;
                case 12:
                    short id = 0;
                    while (NextField(ref id, out var t)) Skip(t, depth + 1, inList: false);
                    break;
                default: throw new IndexOutOfRangeException(); // not Thrift
            }
            if (_pos > bytes.Length) throw new IndexOutOfRangeException();
        }

        private ulong VarInt()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = bytes[_pos++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
            throw new IndexOutOfRangeException();
        }

        private static long Zigzag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
    }
}
