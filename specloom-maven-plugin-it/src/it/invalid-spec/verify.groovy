// Every problem is reported as file:line:column, and no spec (not even the valid one) produced any output.
def log = new File(basedir, 'build.log').text
def broken = new File(basedir, 'specs/broken.yaml').canonicalPath
assert log.contains("2 problem(s) in specs; nothing was generated")
assert log.contains("${broken}:21:26: functions.get_thing.http.path: placeholder {thing_id} has no param")
assert log.contains("${broken}:24:5: functions.get_thing.returns: unknown model 'Thingy' (did you mean 'Thing'?)")
assert !new File(basedir, 'target/generated-sources/specloom').exists()
