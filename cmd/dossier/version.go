package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/dossier-news/dossier/doc"
)

func init() {
	extraCommands["version"] = func(args []string) int { return version(args, os.Stdout, os.Stderr) }
}

// version prints the build's version: the module version (a release tag,
// or "(devel)" for a build from a checkout), the commit and its time when
// the build recorded them, the JSON schema and the Go release.
func version(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "Usage: dossier version\n\nPrints the version of this dossier: release, commit, JSON schema, Go.", stderr)
	if _, err := parseFlags(fs, args); err != nil {
		return flagExit(err)
	}
	fmt.Fprintln(stdout, versionString())
	return 0
}

func versionString() string {
	v, commit, when, dirty := "(devel)", "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	out := "dossier " + v
	if commit != "" {
		out += " commit " + commit[:min(12, len(commit))]
		if dirty {
			out += "+modified"
		}
		if when != "" {
			out += " (" + when + ")"
		}
	}
	return fmt.Sprintf("%s, JSON schema %s, %s %s/%s", out, doc.SchemaVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
