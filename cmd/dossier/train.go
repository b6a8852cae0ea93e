package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// trainers are the models "dossier train NAME" rebuilds. Each model's file
// in this package registers itself in an init function.
var trainers = map[string]func(args []string) int{}

func init() {
	extraCommands["train"] = func(args []string) int {
		names := make([]string, 0, len(trainers))
		for n := range trainers {
			names = append(names, n)
		}
		sort.Strings(names)
		if len(args) == 0 || trainers[args[0]] == nil {
			fmt.Fprintf(os.Stderr, "Usage: dossier train MODEL [flags]\n\nRebuilds an embedded model from gold data, reproducibly.\nModels: %s\nRun \"dossier train MODEL -h\" for its flags.\n", strings.Join(names, ", "))
			return 2
		}
		return trainers[args[0]](args[1:])
	}
}
