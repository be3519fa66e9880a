# The trusted runner of a code_interpreter session (docs/code-interpreter.md). It starts before any user code,
# keeps one globals dict, and answers length-prefixed JSON requests on the fds the host gave it as stdin and
# stdout; user code only ever sees /dev/null as fd 0 and a capture file in /tmp as fds 1 and 2.
import ast, base64, io, json, os, struct, sys, traceback

LIMIT = int(sys.argv[1])
MAX_FILE = int(sys.argv[2])
MAX_IMAGES = int(sys.argv[3])
DATA = '/mnt/data'
IN = os.fdopen(os.dup(0), 'rb', buffering=0)
OUT = os.fdopen(os.dup(1), 'wb', buffering=0)
os.dup2(os.open('/dev/null', os.O_RDONLY), 0)
FD_OUTPUT = os.open('/tmp/.fd-output', os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
os.dup2(FD_OUTPUT, 1)
os.dup2(FD_OUTPUT, 2)
os.set_inheritable(IN.fileno(), False)
os.set_inheritable(OUT.fileno(), False)
os.set_inheritable(FD_OUTPUT, False)

import numpy, pandas, matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt

IMAGES = []


def collect_figures(*args, **kwargs):
    for number in plt.get_fignums():
        figure = plt.figure(number)
        if len(IMAGES) < MAX_IMAGES:
            buffer = io.BytesIO()
            figure.savefig(buffer, format='png')
            IMAGES.append(buffer.getvalue())
        plt.close(figure)


plt.show = collect_figures


class Capture(io.TextIOBase):
    def __init__(self):
        self.parts, self.size, self.cut = [], 0, False

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not ' + type(text).__name__)
        room = LIMIT - self.size
        if len(text) > room:
            self.cut = True
        if room > 0:
            self.parts.append(text[:room])
            self.size += min(len(text), room)
        return len(text)

    def text(self):
        return ''.join(self.parts)


def read_exact(n):
    data = b''
    while len(data) < n:
        chunk = IN.read(n - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data


def send(message):
    body = json.dumps(message).encode()
    OUT.write(struct.pack('>I', len(body)) + body)


def snapshot():
    files = {}
    for root, dirs, names in os.walk(DATA):
        dirs[:] = [d for d in dirs if not d.startswith('.')][:100]
        for name in names[:1000]:
            path = os.path.join(root, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if not name.startswith('.') and os.path.isfile(path) and not os.path.islink(path):
                files[os.path.relpath(path, DATA)] = (st.st_size, st.st_mtime_ns)
        if len(files) > 1000:
            break
    return files


def execute(code, namespace):
    tree = ast.parse(code, '<code>', 'exec')
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, '<code>', 'exec'), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), '<code>', 'eval'), namespace)
        if value is not None:
            print(repr(value))


def fd_output():
    size = os.lseek(FD_OUTPUT, 0, os.SEEK_END)
    os.lseek(FD_OUTPUT, 0, os.SEEK_SET)
    data = os.read(FD_OUTPUT, min(size, LIMIT))
    os.ftruncate(FD_OUTPUT, 0)
    os.lseek(FD_OUTPUT, 0, os.SEEK_SET)
    return data.decode('utf-8', 'replace'), size > LIMIT


def describe(ex):
    try:
        tb = ex.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != '<code>':
            tb = tb.tb_next
        return ''.join(traceback.format_exception(type(ex), ex, tb))[-LIMIT:]
    except BaseException:
        return type(ex).__name__


def run(code, namespace):
    before = snapshot()
    capture = Capture()
    error = None
    sys.stdout = sys.stderr = capture
    try:
        execute(code, namespace)
        collect_figures()
    except BaseException as ex:
        error = describe(ex)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    raw, raw_cut = fd_output()
    after = snapshot()
    changed = [{'name': name, 'size': meta[0]} for name, meta in sorted(after.items()) if before.get(name) != meta]
    images = [base64.b64encode(image).decode() for image in IMAGES]
    IMAGES.clear()
    return {'logs': (raw + capture.text())[:LIMIT], 'cut': capture.cut or raw_cut, 'error': error,
            'images': images, 'files': changed[:100]}


def free_name(name):
    stem, dot, ext = name.rpartition('.') if '.' in name[1:] else (name, '', '')
    candidate, n = name, 1
    while os.path.lexists(os.path.join(DATA, candidate)):
        candidate = '%s-%d%s%s' % (stem, n, dot, ext)
        n += 1
    return candidate


def put(name, data):
    if '/' in name or name.startswith('.') or not name:
        return {'error': 'bad name'}
    name = free_name(name)
    fd = os.open(os.path.join(DATA, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, 'wb') as f:
        f.write(base64.b64decode(data))
    return {'name': name}


def get(name):
    if '..' in name.split('/') or name.startswith('/'):
        return {'error': 'bad name'}
    fd = os.open(os.path.join(DATA, name), os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, 'rb') as f:
        data = f.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        return {'error': 'too big'}
    return {'data': base64.b64encode(data).decode()}


def serve():
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    send({'ready': True})
    while True:
        request = json.loads(read_exact(struct.unpack('>I', read_exact(4))[0]))
        try:
            op = request['op']
            if op == 'exec':
                response = run(request['code'], namespace)
            elif op == 'put':
                response = put(request['name'], request['data'])
            elif op == 'get':
                response = get(request['name'])
            else:
                response = {'error': 'unknown op'}
        except BaseException as ex:
            response = {'error': type(ex).__name__ + ': ' + str(ex)[:200]}
        send(response)


serve()
