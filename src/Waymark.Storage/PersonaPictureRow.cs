using Waymark.Domain.Personas;

namespace Waymark.Storage;

/// <summary>
/// The bytes of a persona's uploaded picture, in a table of their own so that reading personas never loads them.
/// Deliberately outside the domain's namespace: the audit trail records the persona's new picture tag, not the image.
/// </summary>
public sealed class PersonaPictureRow
{
    private PersonaPictureRow() { ContentType = Tag = ""; Content = []; }

    public PersonaPictureRow(Persona persona, PersonaPicture picture, DateTimeOffset uploadedAt)
    {
        PersonaId = persona.Id;
        WorkspaceId = persona.WorkspaceId;
        ContentType = Tag = "";
        Content = [];
        Replace(picture, uploadedAt);
    }

    public void Replace(PersonaPicture picture, DateTimeOffset uploadedAt)
    {
        ContentType = picture.ContentType;
        Content = picture.Content;
        Tag = picture.Tag;
        UploadedAt = uploadedAt;
    }

    public Guid PersonaId { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public string Tag { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
