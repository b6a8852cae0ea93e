package quality

// salad flags sentences that read as word salad.
func (c *checker) salad() {}
