; Inno Setup 6 script: Bảng Tin for Windows, installed per user without admin rights.
;
; Build the one-folder program first (PyInstaller on Windows, see README.md
; beside this file), then from the repository root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\bangtin.iss
;
; The installer lands in dist\bangtin-<version>-setup.exe. Ship it with a
; folder trusted-keys\ beside it holding the province's public keys (*.pub):
; the installer trusts each of them for the user who installs.
;
; This file is UTF-8 with a byte-order mark, so Inno Setup reads the
; Vietnamese names correctly; keep the mark when editing.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Bảng Tin"
#define AppExe "bangtin.exe"
#define ProgId "BangTin.Bundle"
#define Root ".."

[Setup]
; Never change the AppId: upgrades and the uninstaller find the app by it.
AppId={{3F6A8E2B-5C1D-4B7A-9E0F-2A6B8C4D1E57}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user, no UAC prompt: everything goes under the user's own folders
; (%LOCALAPPDATA%\Programs\Bảng Tin) and HKEY_CURRENT_USER.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\..\dist
OutputBaseFilename=bangtin-{#AppVersion}-setup
SetupIconFile=bangtin.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
; Inno Setup's Vietnamese messages are an unofficial translation: drop
; Vietnamese.isl into the compiler's Languages folder to get them
; (README.md). Without it the wizard's own buttons are in English; the
; names below are Vietnamese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
DesktopShortcut=Tạo biểu tượng trên màn hình (desktop shortcut)
Shortcuts=Biểu tượng (shortcuts):
Launch=Mở Bảng Tin ngay (start Bảng Tin now)
Trusting=Đang thêm khóa tin cậy của tỉnh (trusting the province's keys)...
Uninstall=Gỡ cài đặt Bảng Tin
BundleType=Gói dữ liệu Bảng Tin

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:Shortcuts}"

[Files]
; The whole one-folder build: bangtin.exe, bangtin-cli.exe and _internal\.
Source: "{#Root}\..\dist\bangtin\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so no file of an
; older version lingers next to the new ones. The archive is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Double-clicking a .bangtin file opens Bảng Tin, which imports it
; (`bangtin.exe FILE.bangtin`). HKA is HKEY_CURRENT_USER here.
Root: HKA; Subkey: "Software\Classes\.bangtin"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bangtin"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-bangtin-bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bangtin\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".bangtin"; ValueData: ""; Flags: uninsdeletekey

[Run]
; Preload the province's keys from trusted-keys\ beside the installer, into
; the archive of the user who installs (%LOCALAPPDATA%\bangtin).
Filename: "{app}\{#AppExe}"; Parameters: "trust add-dir ""{src}\trusted-keys"""; StatusMsg: "{cm:Trusting}"; Flags: runhidden waituntilterminated; Check: HasTrustedKeys
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

; The archive (%LOCALAPPDATA%\bangtin) is the office's record: uninstalling
; never deletes it.

[Code]
function HasTrustedKeys: Boolean;
var
  Found: TFindRec;
begin
  Result := FindFirst(ExpandConstant('{src}\trusted-keys\*.pub'), Found);
  if Result then
    FindClose(Found);
end;
