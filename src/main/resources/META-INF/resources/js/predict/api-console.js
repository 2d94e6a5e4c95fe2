// The API console: sends any request to this server and shows exactly what a client gets back.

function $(root, selector) {
  return root.querySelector(selector);
}

var EXAMPLE = '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}';
var CONSOLE_PRESETS = {
  predict: ['POST', '/api/v1/predict', 'application/json', EXAMPLE],
  logreg: ['POST', '/api/v1/predict?model=logreg', 'application/json', EXAMPLE],
  batch: ['POST', '/api/v1/predict/batch', 'application/json',
    '{"instances":[' + EXAMPLE + ',{"sepal_length":6.7,"sepal_width":3.0,"petal_length":5.2,"petal_width":2.3}]}'],
  drift: ['POST', '/api/v1/predict', 'application/json',
    '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":12.0,"petal_width":0.2}'],
  invalid: ['POST', '/api/v1/predict', 'application/json',
    '{"sepal_length":-1,"sepal_width":"wide","petal_length":1.4,"colour":"blue"}'],
  malformed: ['POST', '/api/v1/predict', 'application/json', '{"sepal_length": 5.1,'],
  text: ['POST', '/api/v1/predict', 'text/plain', EXAMPLE],
  oip: ['POST', '/v2/models/iris/infer', 'application/json',
    '{"id":"1","inputs":[{"name":"features","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}']
};

function initApiConsole(root) {
  var form = $(root, '[data-console-form]');
  root.querySelectorAll('[data-console-preset]').forEach(function (button) {
    button.addEventListener('click', function () {
      var preset = CONSOLE_PRESETS[button.getAttribute('data-console-preset')];
      form.elements.method.value = preset[0];
      form.elements.path.value = preset[1];
      form.elements.type.value = preset[2];
      form.elements.body.value = preset[3];
      form.elements.body.focus();
    });
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var path = form.elements.path.value.trim();
    var status = $(root, '[data-console-status]');
    var out = $(root, '[data-console-body]');
    $(root, '[data-console-response]').hidden = false;
    if (path.charAt(0) !== '/') {
      status.textContent = 'The path must start with / (this console talks to this server only).';
      return;
    }
    var method = form.elements.method.value;
    var options = { method: method, headers: { 'Accept': 'application/json' } };
    if (method === 'POST') {
      options.headers['Content-Type'] = form.elements.type.value;
      options.body = form.elements.body.value;
    }
    var started = performance.now();
    fetch(path, options).then(function (response) {
      return response.text().then(function (text) {
        var ms = (performance.now() - started).toFixed(1);
        status.textContent = 'HTTP ' + response.status + ' ' + response.statusText + ' · '
            + (response.headers.get('Content-Type') || 'no content type') + ' · ' + ms + ' ms';
        try {
          out.textContent = JSON.stringify(JSON.parse(text), null, 2);
        } catch (e) {
          out.textContent = text || '(empty body)';
        }
      });
    }).catch(function (e) {
      status.textContent = 'The request failed: ' + e.message;
    });
  });
}

document.querySelectorAll('[data-widget="api-console"]').forEach(initApiConsole);
