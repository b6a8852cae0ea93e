package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-news/dossier/quotes"
)

func init() {
	trainers["quotes"] = func(args []string) int {
		fs := flag.NewFlagSet("train quotes", flag.ContinueOnError)
		gold := fs.String("gold", "../shared/gold/polnear/train.jsonl", "PolNeAR training file (JSON Lines)")
		out := fs.String("out", "quotes/model", "folder to write cue.model and source.model into (embedded on the next build)")
		epochs := fs.Int("epochs", 2, "perceptron passes over the data")
		shuffle := fs.Bool("shuffle", false, "visit the examples in a fixed-seed random order each epoch")
		bags := fs.Int("bags", 25, "cue models trained in different fixed-seed orders and averaged")
		sbags := fs.Int("source-bags", 15, "source rankers trained in different fixed-seed orders and averaged")
		if _, err := parseFlags(fs, args); err != nil {
			return flagExit(err)
		}
		err := quotes.Train(quotes.TrainOptions{Gold: *gold, Out: *out, Epochs: *epochs, Shuffle: *shuffle, Bags: *bags, SourceBags: *sbags, Log: os.Stderr})
		if err != nil {
			fmt.Fprintln(os.Stderr, "dossier train quotes:", err)
			return 1
		}
		return 0
	}
}
