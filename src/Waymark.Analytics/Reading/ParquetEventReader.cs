namespace Waymark.Analytics.Reading;
public static class ParquetEventReader { public static Model.EventLog Read(string path, ReadOptions options) => throw new NotImplementedException(); }
