package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPipelineCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := pipelineCmd(nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"1. text\n", "provides: mentions, entities", "mentions, entities (from actors)", "timexes (from timex)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := pipelineCmd([]string{"--dot"}, &out, &errb); code != 0 || !strings.Contains(out.String(), `"actors" -> "quotes" [label="mentions\nentities"]`) {
		t.Errorf("--dot: exit %d, output:\n%s", code, out.String())
	}
}
