package corpus

import "errors"

// InputError is a fault in what a user gave (an article's text, its name,
// a link to it), with a message that is safe and useful to show them. Kind
// is a sentinel error of the package that found the fault, for errors.Is;
// Err, when set, is the underlying cause (a timeout, a parse error), for
// errors.Is and As and the log, never shown.
type InputError struct {
	Kind error
	Msg  string
	Err  error
}

func (e *InputError) Error() string { return e.Msg }

// Unwrap returns the kind and the cause.
func (e *InputError) Unwrap() []error {
	var out []error
	for _, err := range []error{e.Kind, e.Err} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// IsInputError reports whether err is (or wraps) an *InputError: the
// user's fault, with a message for them.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}
