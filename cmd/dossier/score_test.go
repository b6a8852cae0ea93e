package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestScoreCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := scoreCmd([]string{"polnear"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "want TASK GOLD") {
		t.Errorf("one argument: exit %d, %q", code, errb.String())
	}
	errb.Reset()
	if code := scoreCmd([]string{"nosuch", "x.jsonl"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), `unknown task "nosuch"`) {
		t.Errorf("unknown task: exit %d, %q", code, errb.String())
	}
	const plover = "../../../shared/gold/plover/gsr.jsonl"
	if _, err := os.Stat(plover); err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	out.Reset()
	if code := scoreCmd([]string{"plover", plover}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "type               p=") {
		t.Errorf("plover: exit %d, output %q, errors %q", code, out.String(), errb.String())
	}
}
