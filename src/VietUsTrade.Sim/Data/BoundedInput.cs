using System.Globalization;
using System.Text;

namespace VietUsTrade.Sim.Data;

/// <summary>
/// Reading an input with its size limit enforced while reading, not by the file's reported length: a pipe, a device
/// (/dev/zero) or a file that grows is cut off at the limit with a one-line reason instead of exhausting memory.
/// </summary>
public static class BoundedInput
{
    /// <summary>Reads the whole input as UTF-8 text, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file, pipe or device.</param>
    /// <param name="maxBytes">The limit in bytes (≥ 1).</param>
    /// <param name="what">What the input is, for the message ("scenario file", "--flows").</param>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidDataException">More than <paramref name="maxBytes"/> bytes; the message names the input and the limit.</exception>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static string ReadAllText(string path, long maxBytes, string what)
    {
        using var reader = OpenText(path, maxBytes, what);
        return reader.ReadToEnd();
    }

    /// <summary>Opens the input as a UTF-8 text reader that fails once more than <paramref name="maxBytes"/> bytes have been read.</summary>
    /// <param name="path">The file, pipe or device.</param>
    /// <param name="maxBytes">The limit in bytes (≥ 1).</param>
    /// <param name="what">What the input is, for the message.</param>
    /// <returns>The reader (dispose it).</returns>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static TextReader OpenText(string path, long maxBytes, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{what} '{path}' does not exist.", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new StreamReader(new Limited(stream, maxBytes, $"{what} '{path}'"), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
    }

    private sealed class Limited(Stream inner, long limit, string what) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Read one byte past the limit at most, so an input of exactly the limit passes and one byte more fails.
            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit + 1 - _read));
            _read += n;
            if (_read > limit)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{what} is larger than the limit of {limit:N0} bytes."));
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
