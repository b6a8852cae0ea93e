package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestServeRefusesExposedWithoutToken(t *testing.T) {
	t.Setenv("DOSSIER_TOKEN", "")
	var stderr bytes.Buffer
	if code := serveCmd([]string{"--addr", "0.0.0.0:0", "--db", t.TempDir() + "/s.db"}, &stderr); code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "token") {
		t.Errorf("the refusal does not mention the token: %s", stderr.String())
	}
	stderr.Reset()
	if code := serveCmd([]string{"--help"}, &stderr); code != 0 || !strings.Contains(stderr.String(), "--demo") {
		t.Errorf("--help: exit %d: %s", code, stderr.String())
	}
}
