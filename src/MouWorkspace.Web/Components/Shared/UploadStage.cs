namespace MouWorkspace.Web.Components.Shared;

public enum UploadStage { Idle, Uploading, Working }
