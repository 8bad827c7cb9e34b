namespace Waymark.Analytics.Reading;
public static class NdjsonEventReader { public static Model.EventLog Read(string path, ReadOptions options) => throw new NotImplementedException(); }
