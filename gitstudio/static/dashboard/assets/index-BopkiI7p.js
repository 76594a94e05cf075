const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var $e,T,St,ee,Qe,kt,xt,Ce,fe,se,$t,Be,Pe,Me,be={},ve=[],Ft=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ee=Array.isArray;function X(e,t){for(var n in t)e[n]=t[n];return e}function qe(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ut(e,t,n){var o,i,s,d={};for(s in t)s=="key"?o=t[s]:s=="ref"?i=t[s]:d[s]=t[s];if(arguments.length>2&&(d.children=arguments.length>3?$e.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)d[s]===void 0&&(d[s]=e.defaultProps[s]);return pe(e,d,o,i,null)}function pe(e,t,n,o,i){var s={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++St,__i:-1,__u:0};return i==null&&T.vnode!=null&&T.vnode(s),s}function K(e){return e.children}function me(e,t){this.props=e,this.context=t}function re(e,t){if(t==null)return e.__?re(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?re(e):null}function Vt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,o=[],i=[],s=X({},t);s.__v=t.__v+1,T.vnode&&T.vnode(s),Fe(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,o,n??re(t),!!(32&t.__u),i),s.__v=t.__v,s.__.__k[s.__i]=s,At(o,s,i),t.__e=t.__=null,s.__e!=n&&Et(s)}}function Et(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Et(e)}function Xe(e){(!e.__d&&(e.__d=!0)&&ee.push(e)&&!Se.__r++||Qe!=T.debounceRendering)&&((Qe=T.debounceRendering)||kt)(Se)}function Se(){try{for(var e,t=1;ee.length;)ee.length>t&&ee.sort(xt),e=ee.shift(),t=ee.length,Vt(e)}finally{ee.length=Se.__r=0}}function It(e,t,n,o,i,s,d,c,u,l,h){var m,a,g,_,S,k,p=o&&o.__k||ve,y=t.length;for(u=Gt(n,t,p,u,y),m=0;m<y;m++)(g=n.__k[m])!=null&&(a=g.__i!=-1&&p[g.__i]||be,g.__i=m,k=Fe(e,g,a,i,s,d,c,u,l,h),_=g.__e,g.ref&&a.ref!=g.ref&&(a.ref&&Ue(a.ref,null,g),h.push(g.ref,g.__c||_,g)),S==null&&_!=null&&(S=_),4&g.__u?(u=Ct(g,u,e),a.__e&&(a.__e=null)):typeof g.type=="function"&&k!==void 0?u=k:_&&(u=_.nextSibling),g.__u&=-7);return n.__e=S,u}function Gt(e,t,n,o,i){var s,d,c,u,l,h=n.length,m=h,a=0;for(e.__k=new Array(i),s=0;s<i;s++)(d=t[s])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[s]=pe(null,d,null,null,null):Ee(d)?d=e.__k[s]=pe(K,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[s]=pe(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[s]=d,u=s+a,d.__=e,d.__b=e.__b+1,c=null,(l=d.__i=Wt(d,n,u,m))!=-1&&(m--,(c=n[l])&&(c.__u|=2)),c==null||c.__v==null?(l==-1&&(i>h?a--:i<h&&a++),typeof d.type!="function"&&(d.__u|=4)):l!=u&&(l==u-1?a--:l==u+1?a++:(l>u?a--:a++,d.__u|=4))):e.__k[s]=null;if(m)for(s=0;s<h;s++)(c=n[s])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=re(c)),Nt(c,c));return o}function Ct(e,t,n){var o,i;if(typeof e.type=="function"){for(o=e.__k,i=0;o&&i<o.length;i++)o[i]&&(o[i].__=e,t=Ct(o[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=re(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Wt(e,t,n,o){var i,s,d,c=e.key,u=e.type,l=t[n],h=l!=null&&(2&l.__u)==0;if(l===null&&c==null||h&&c==l.key&&u==l.type)return n;if(o>(h?1:0)){for(i=n-1,s=n+1;i>=0||s<t.length;)if((l=t[d=i>=0?i--:s++])!=null&&(2&l.__u)==0&&c==l.key&&u==l.type)return d}return-1}function Ke(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Ft.test(t)?n:n+"px"}function he(e,t,n,o,i){var s,d;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Ke(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Ke(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace($t,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?o?n[se]=o[se]:(n[se]=Be,e.addEventListener(t,s?Me:Pe,s)):e.removeEventListener(t,s?Me:Pe,s);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ye(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[fe]==null)t[fe]=Be++;else if(t[fe]<n[se])return;return n(T.event?T.event(t):t)}}}function Fe(e,t,n,o,i,s,d,c,u,l){var h,m,a,g,_,S,k,p,y,$,M,O,H,Y,D,Q,L=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(u=!!(32&n.__u),s=[c=t.__e=n.__e]),(h=T.__b)&&h(t);e:if(typeof L=="function"){m=d.length;try{if(y=t.props,$=L.prototype&&L.prototype.render,M=(h=L.contextType)&&o[h.__c],O=h?M?M.props.value:h.__:o,n.__c?p=(a=t.__c=n.__c).__=a.__E:($?t.__c=a=new L(y,O):(t.__c=a=new me(y,O),a.constructor=L,a.render=Jt),M&&M.sub(a),a.state||(a.state={}),a.__n=o,g=a.__d=!0,a.__h=[],a._sb=[]),$&&a.__s==null&&(a.__s=a.state),$&&L.getDerivedStateFromProps!=null&&(a.__s==a.state&&(a.__s=X({},a.__s)),X(a.__s,L.getDerivedStateFromProps(y,a.__s))),_=a.props,S=a.state,a.__v=t,g)$&&L.getDerivedStateFromProps==null&&a.componentWillMount!=null&&a.componentWillMount(),$&&a.componentDidMount!=null&&a.__h.push(a.componentDidMount);else{if($&&L.getDerivedStateFromProps==null&&y!==_&&a.componentWillReceiveProps!=null&&a.componentWillReceiveProps(y,O),t.__v==n.__v||!a.__e&&a.shouldComponentUpdate!=null&&a.shouldComponentUpdate(y,a.__s,O)===!1){t.__v!=n.__v&&(a.props=y,a.state=a.__s,a.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(G){G&&(G.__=t)}),ve.push.apply(a.__h,a._sb),a._sb=[],a.__h.length&&d.push(a),c=re(n);break e}a.componentWillUpdate!=null&&a.componentWillUpdate(y,a.__s,O),$&&a.componentDidUpdate!=null&&a.__h.push(function(){a.componentDidUpdate(_,S,k)})}if(a.context=O,a.props=y,a.__P=e,a.__e=!1,H=T.__r,Y=0,$)a.state=a.__s,a.__d=!1,H&&H(t),h=a.render(a.props,a.state,a.context),ve.push.apply(a.__h,a._sb),a._sb=[];else do a.__d=!1,H&&H(t),h=a.render(a.props,a.state,a.context),a.state=a.__s;while(a.__d&&++Y<25);a.state=a.__s,a.getChildContext!=null&&(o=X(X({},o),a.getChildContext())),$&&!g&&a.getSnapshotBeforeUpdate!=null&&(k=a.getSnapshotBeforeUpdate(_,S)),D=h!=null&&h.type===K&&h.key==null?Rt(h.props.children):h,c=It(e,Ee(D)?D:[D],t,n,o,i,s,d,c,u,l),a.base=t.__e,t.__u&=-161,a.__h.length&&d.push(a),p&&(a.__E=a.__=null)}catch(G){if(d.length=m,t.__v=null,u||s!=null){if(G.then){for(t.__u|=u?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;s!=null&&(s[s.indexOf(c)]=null),t.__e=c}else if(s!=null)for(Q=s.length;Q--;)qe(s[Q])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),G.then||Tt(t),T.__e(G,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=zt(n.__e,t,n,o,i,s,d,u,l);return(h=T.diffed)&&h(t),128&t.__u?void 0:c}function Tt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Tt))}function At(e,t,n){for(var o=0;o<n.length;o++)Ue(n[o],n[++o],n[++o]);T.__c&&T.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){T.__e(s,i.__v)}})}function Rt(e){return typeof e!="object"||e==null||e.__b>0?e:Ee(e)?e.map(Rt):e.constructor!==void 0?null:X({},e)}function zt(e,t,n,o,i,s,d,c,u){var l,h,m,a,g,_,S,k=n.props||be,p=t.props,y=t.type;if(y=="svg"?i="http://www.w3.org/2000/svg":y=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s!=null){for(l=0;l<s.length;l++)if((g=s[l])&&"setAttribute"in g==!!y&&(y?g.localName==y:g.nodeType==3)){e=g,s[l]=null;break}}if(e==null){if(y==null)return document.createTextNode(p);e=document.createElementNS(i,y,p.is&&p),c&&(T.__m&&T.__m(t,s),c=!1),s=null}if(y==null)k===p||c&&e.data==p||(e.data=p);else{if(s=y=="textarea"&&p.defaultValue!=null?null:s&&$e.call(e.childNodes),!c&&s!=null)for(k={},l=0;l<e.attributes.length;l++)k[(g=e.attributes[l]).name]=g.value;for(l in k)g=k[l],l=="dangerouslySetInnerHTML"?m=g:l=="children"||l in p||l=="value"&&"defaultValue"in p||l=="checked"&&"defaultChecked"in p||he(e,l,null,g,i);for(l in p)g=p[l],l=="children"?a=g:l=="dangerouslySetInnerHTML"?h=g:l=="value"?_=g:l=="checked"?S=g:c&&typeof g!="function"||k[l]===g||he(e,l,g,k[l],i);if(h)c||m&&(h.__html==m.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(m&&(e.innerHTML=""),It(t.type=="template"?e.content:e,Ee(a)?a:[a],t,n,o,y=="foreignObject"?"http://www.w3.org/1999/xhtml":i,s,d,s?s[0]:n.__k&&re(n,0),c,u),s!=null)for(l=s.length;l--;)qe(s[l]);c&&y!="textarea"||(l="value",y=="progress"&&_==null?e.removeAttribute("value"):_!=null&&(_!==e[l]||y=="progress"&&!_||y=="option"&&_!=k[l])&&he(e,l,_,k[l],i),l="checked",S!=null&&S!=e[l]&&he(e,l,S,k[l],i))}return e}function Ue(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(i){T.__e(i,n)}}function Nt(e,t,n){var o,i;if(T.unmount&&T.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Ue(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){T.__e(s,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(i=0;i<o.length;i++)o[i]&&Nt(o[i],t,n||typeof e.type!="function");n||qe(e.__e),e.__c=e.__=e.__e=void 0}function Jt(e,t,n){return this.constructor(e,n)}function Qt(e,t,n){var o,i,s,d;t==document&&(t=document.documentElement),T.__&&T.__(e,t),i=(o=!1)?null:t.__k,s=[],d=[],Fe(t,e=t.__k=Ut(K,null,[e]),i||be,be,t.namespaceURI,i?null:t.firstChild?$e.call(t.childNodes):null,s,i?i.__e:t.firstChild,o,d),At(s,e,d),e.props.children=null}$e=ve.slice,T={__e:function(e,t,n,o){for(var i,s,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((s=i.constructor)&&s.getDerivedStateFromError!=null&&(i.setState(s.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,o||{}),d=i.__d),d)return i.__E=i}catch(c){e=c}throw e}},St=0,me.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=X({},this.state),typeof e=="function"&&(e=e(X({},n),this.props)),e&&X(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Xe(this))},me.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Xe(this))},me.prototype.render=K,ee=[],kt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,xt=function(e,t){return e.__v.__b-t.__v.__b},Se.__r=0,Ce=Math.random().toString(8),fe="__d"+Ce,se="__a"+Ce,$t=/(PointerCapture)$|Capture$/i,Be=0,Pe=Ye(!1),Me=Ye(!0);var Xt=0;function r(e,t,n,o,i,s){t||(t={});var d,c,u=t;if("ref"in u)for(c in u={},t)c=="ref"?d=t[c]:u[c]=t[c];var l={type:e,props:u,key:n,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Xt,__i:-1,__u:0,__source:i,__self:s};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)u[c]===void 0&&(u[c]=d[c]);return T.vnode&&T.vnode(l),l}var ae,j,Te,Ze,ce=0,jt=[],P=T,et=P.__b,tt=P.__r,nt=P.diffed,rt=P.__c,ot=P.unmount,it=P.__;function Ve(e,t){P.__h&&P.__h(j,e,ce||t),ce=0;var n=j.__H||(j.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function R(e){return ce=1,Kt(Mt,e)}function Kt(e,t,n){var o=Ve(ae++,2);if(o.t=e,!o.__c&&(o.__=[Mt(void 0,t),function(c){var u=o.__N?o.__N[0]:o.__[0],l=o.t(u,c);u!==l&&(o.__N=[l,o.__[1]],o.__c.setState({}))}],o.__c=j,!j.__f)){var i=function(c,u,l){if(!o.__c.__H)return!0;var h=!1,m=o.__c.props!==c;if(o.__c.__H.__.some(function(g){if(g.__N){h=!0;var _=g.__[0];g.__=g.__N,g.__N=void 0,_!==g.__[0]&&(m=!0)}}),s){var a=s.call(this,c,u,l);return h?a||m:a}return!h||m};j.__f=!0;var s=j.shouldComponentUpdate,d=j.componentWillUpdate;j.componentWillUpdate=function(c,u,l){if(this.__e){var h=s;s=void 0,i(c,u,l),s=h}d&&d.call(this,c,u,l)},j.shouldComponentUpdate=i}return o.__N||o.__}function V(e,t){var n=Ve(ae++,3);!P.__s&&Pt(n.__H,t)&&(n.__=e,n.u=t,j.__H.__h.push(n))}function Ge(e){return ce=5,We(function(){return{current:e}},[])}function We(e,t){var n=Ve(ae++,7);return Pt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function st(e,t){return ce=8,We(function(){return e},t)}function Yt(){for(var e;e=jt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(_e),t.__h.some(He),t.__h=[]}catch(n){t.__h=[],P.__e(n,e.__v)}}}P.__b=function(e){j=null,et&&et(e)},P.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),it&&it(e,t)},P.__r=function(e){tt&&tt(e),ae=0;var t=(j=e.__c).__H;t&&(Te===j?(t.__h=[],j.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(_e),t.__h.some(He),t.__h=[],ae=0)),Te=j},P.diffed=function(e){nt&&nt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(jt.push(t)!==1&&Ze===P.requestAnimationFrame||((Ze=P.requestAnimationFrame)||Zt)(Yt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),Te=j=null},P.__c=function(e,t){t.some(function(n){try{n.__h.some(_e),n.__h=n.__h.filter(function(o){return!o.__||He(o)})}catch(o){t.some(function(i){i.__h&&(i.__h=[])}),t=[],P.__e(o,n.__v)}}),rt&&rt(e,t)},P.unmount=function(e){ot&&ot(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(o){try{_e(o)}catch(i){t=i}}),n.__H=void 0,t&&P.__e(t,n.__v))};var lt=typeof requestAnimationFrame=="function";function Zt(e){var t,n=function(){clearTimeout(o),lt&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);lt&&(t=requestAnimationFrame(n))}function _e(e){var t=j,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),j=t}function He(e){var t=j;e.__c=e.__(),j=t}function Pt(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function Mt(e,t){return typeof t=="function"?t(e):t}function U(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ne(e){return U(e)==="object"}function en(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function at(e,t){return e.length<124?e:t}const tn="graphql-transport-ws";var W=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(W||{}),z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(z||{});function Ht(e){if(!ne(e))throw new Error(`Message is expected to be an object, but got ${U(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${U(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${U(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${U(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${U(e.payload.query)}`);if(e.payload.variables!=null&&!ne(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${U(e.payload.variables)}`);if(e.payload.operationName!=null&&U(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${U(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ne(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${U(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${U(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${U(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${U(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!en(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${U(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function nn(e,t){return Ht(typeof e=="string"?JSON.parse(e,t):e)}function oe(e,t){return Ht(e),JSON.stringify(e,t)}function rn(e){const{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:s=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:u=0,retryAttempts:l=5,retryWait:h=async function(C){const x=Math.pow(2,C);await new Promise(f=>setTimeout(f,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:m=Ae,on:a,webSocketImpl:g,generateID:_=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const x=Math.random()*16|0;return(C=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:S,jsonMessageReviver:k}=e;let p;if(g){if(!sn(g))throw new Error("Invalid WebSocket implementation provided");p=g}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const y=p,$=(()=>{const E=(()=>{const x={};return{on(f,w){return x[f]=w,()=>{delete x[f]}},emit(f){"id"in f&&x[f.id]?.(f)}}})(),C={connecting:a?.connecting?[a.connecting]:[],opened:a?.opened?[a.opened]:[],connected:a?.connected?[a.connected]:[],ping:a?.ping?[a.ping]:[],pong:a?.pong?[a.pong]:[],message:a?.message?[E.emit,a.message]:[E.emit],closed:a?.closed?[a.closed]:[],error:a?.error?[a.error]:[]};return{onMessage:E.on,on(x,f){const w=C[x];return w.push(f),()=>{const v=w.indexOf(f);v>-1&&w.splice(v,1)}},emit(x,...f){for(const w of[...C[x]])w(...f)}}})();function M(E){const C=[$.on("error",x=>{C.forEach(f=>f()),E(x)}),$.on("closed",x=>{C.forEach(f=>f()),E(x)})];return()=>C.forEach(x=>x())}let O,H=0,Y,D=!1,Q=0,L=!1;async function G(){clearTimeout(Y);const[E,C]=await(O??(O=new Promise((w,v)=>(async()=>{if(D){if(await h(Q),!H)return O=void 0,v({code:1e3,reason:"All Subscriptions Gone"});Q++}$.emit("connecting",D);const b=new y(typeof t=="function"?await t():t,tn);let I,N;function A(){isFinite(d)&&d>0&&(clearTimeout(N),N=setTimeout(()=>{b.readyState===y.OPEN&&(b.send(oe({type:z.Ping})),$.emit("ping",!1,void 0))},d))}M(q=>{O=void 0,clearTimeout(I),clearTimeout(N),v(q),q instanceof ct&&(b.close(4499,"Terminated"),b.onerror=null,b.onclose=null)}),b.onerror=q=>$.emit("error",q),b.onclose=q=>$.emit("closed",q),b.onopen=async()=>{try{$.emit("opened",b);const q=typeof n=="function"?await n():n;if(b.readyState!==y.OPEN)return;b.send(oe(q?{type:z.ConnectionInit,payload:q}:{type:z.ConnectionInit},S)),isFinite(u)&&u>0&&(I=setTimeout(()=>{b.close(W.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),A()}catch(q){$.emit("error",q),b.close(W.InternalClientError,at(q instanceof Error?q.message:String(q),"Internal client error"))}};let Z=!1;b.onmessage=({data:q})=>{try{const B=nn(q,k);if($.emit("message",B),B.type==="ping"||B.type==="pong"){$.emit(B.type,!0,B.payload),B.type==="pong"?A():c||(b.send(oe(B.payload?{type:z.Pong,payload:B.payload}:{type:z.Pong},S)),$.emit("pong",!1,B.payload));return}if(Z)return;if(B.type!==z.ConnectionAck)throw new Error(`First message cannot be of type ${B.type}`);clearTimeout(I),Z=!0,$.emit("connected",b,B.payload,D),D=!1,Q=0;const Je=new Promise((fr,qt)=>M(qt));Je.catch(()=>{}),w([b,Je])}catch(B){b.onmessage=null,$.emit("error",B),b.close(W.BadResponse,at(B instanceof Error?B.message:String(B),"Bad response"))}}})())));E.readyState===y.CLOSING&&await C;let x=()=>{};const f=new Promise(w=>x=w);return[E,x,new Promise((w,v)=>{const b=M(v);E.readyState!==y.OPEN&&C.catch(v),f.then(()=>{if(b(),!H){const I=()=>E.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(Y),Y=setTimeout(()=>{!H&&E.readyState===y.OPEN&&I()},s)):I()}w()})})]}function de(E){if(Ae(E)&&(on(E.code)||[W.InternalServerError,W.InternalClientError,W.BadRequest,W.BadResponse,W.Unauthorized,W.SubprotocolNotAcceptable,W.SubscriberAlreadyExists,W.TooManyInitialisationRequests].includes(E.code)))throw E;if(L)return!1;if(Ae(E)&&E.code===1e3)return H>0;if(!l||Q>=l||!m(E))throw E;return D=!0}o||(async()=>{for(H++;;)try{const[,,E]=await G();await E}catch(E){try{if(!de(E))return}catch(C){return i?.(C)}}})();function ue(E,C){const x=_(E);let f=!1,w=!1,v=()=>{H--,f=!0};return(async()=>{for(H++;;)try{const[b,I,N]=await G();if(f)return N.catch(()=>{}),I();const A=$.onMessage(x,Z=>{switch(Z.type){case z.Next:{C.next(Z.payload);return}case z.Error:{w=!0,f=!0,C.error(Z.payload),v();return}case z.Complete:{f=!0,v();return}}});b.send(oe({id:x,type:z.Subscribe,payload:E},S)),v=()=>{!f&&b.readyState===y.OPEN&&b.send(oe({id:x,type:z.Complete},S)),H--,f=!0,I()},await N.finally(A);return}catch(b){if(!de(b))return}})().then(()=>{w||C.complete()}).catch(b=>{C.error(b)}),()=>{f||v()}}return{on:$.on,subscribe:ue,iterate(E){const C=[],x={done:!1,error:null,resolve:()=>{}},f=ue(E,{next(v){C.push(v),x.resolve()},error(v){x.done=!0,x.error=v,x.resolve()},complete(){x.done=!0,x.resolve()}}),w=(async function*(){for(;;){for(C.length||await new Promise(b=>x.resolve=b);C.length;)yield C.shift();if(x.error)throw x.error;if(x.done)return}})();return w.throw=async v=>(x.done||(x.done=!0,x.error=v,x.resolve()),{done:!0,value:void 0}),w.return=async()=>(f(),{done:!0,value:void 0}),w},async dispose(){if(L=!0,O){const[E]=await O;E.close(1e3,"Normal Closure")}},terminate(){O&&$.emit("closed",new ct)}}}class ct extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ae(e){return ne(e)&&"code"in e&&"reason"in e}function on(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function sn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let te=null;async function ln(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return te=null,null;const t=await e.json();return te={user:t.user,admin:t.admin,csrfToken:t.csrf_token},te}async function an(){const e={Accept:"application/json"};te&&(e["X-CSRF-Token"]=te.csrfToken),await fetch("/logout",{method:"POST",headers:e}),te=null}function ke(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class ge extends Error{errors;constructor(t){super(t.map(n=>n.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(n=>n.code===t)}}async function J(e,t,n){const o={"Content-Type":"application/json",Accept:"application/json"};te&&(o["X-CSRF-Token"]=te.csrfToken);const i={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},s=await fetch("/graphql",i);let d;try{d=await s.json()}catch{throw new ge([{message:`HTTP ${s.status}`,code:s.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new ge(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new ge([{message:`HTTP ${s.status}`,code:null}]);return d.data}let Re=null;function cn(){if(!Re){const e=location.protocol==="https:"?"wss:":"ws:";Re=rn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(n=>setTimeout(n,Math.min(1e3*2**t,15e3)))}})}return Re}function dt(e,t,n,o){return cn().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&n(i.data)},error:i=>o?.(i),complete:()=>{}})}const De=new Set;function Dt(){for(const e of De)e()}window.addEventListener("popstate",Dt);function Oe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Dt())}function dn(){const[,e]=R(0);return V(()=>{const t=()=>e(n=>n+1);return De.add(t),()=>{De.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const un=["/graphql","/login","/logout","/api/"];function hn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const i=new URL(o.href,location.href);i.origin===location.origin&&(un.some(s=>i.pathname===s||i.pathname.startsWith(s))||(t.preventDefault(),Oe(i.pathname+i.search)))})}function fn(e){return"/projects/"+encodeURIComponent(e)}function xe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function ut(e,t=Date.now()){if(!e)return"never";const n=Math.round((t-new Date(e).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}function ze(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Le(e){const t=ze(e);return e>0?"+"+t:t}function pn(e){return e.split(":").slice(2).join(":")||e}class F extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}}new F(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new F(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const mn=new F(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `),_n=new F(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `),gn=new F(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),yn=new F(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),wn=new F(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),bn=new F(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),vn=new F(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Sn=new F(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),kn=new F(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),xn=new F(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),$n=new F(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new F(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `);const En=new F(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),In=new F(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);function Ie(e){V(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Cn(){return Ie("Not found"),r("section",{children:[r("h1",{children:"Not found"}),r("p",{children:["No page here. ",r("a",{href:"/",children:"All projects"})]})]})}function Ne(e){return Ie(e.title),r("section",{children:[r("h1",{children:e.title}),r("p",{children:[e.what," is not built into the dashboard yet; the ",r("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function Tn(e){return r("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?r("p",{children:[e.what," does not exist or you may not read it."]}):r("p",{children:[e.what," is not public. ",r("a",{href:ke(),children:"Sign in"})," to see it."]})})}function Ot(e){const t=e.error instanceof Error?e.error.message:String(e.error);return r("div",{class:"notice error",role:"alert",children:r("p",{children:t})})}const An=15e3;function Rn(e){Ie("Projects");const[t,n]=R(null),[o,i]=R(0),[s,d]=R(null),[c,u]=R(null);return V(()=>{let l=!1;const h=async()=>{try{const a=[];let g=null,_=0,S=!1;for(let k=0;k<20;k++){const p=await J(_n,{after:g});if(a.push(...p.projects.nodes),_=p.projects.totalCount,S=p.projects.pageInfo.hasNextPage,g=p.projects.pageInfo.endCursor,!S)break}if(l)return;n(a),i(_),d(S?g:null),u(null)}catch(a){l||u(a)}};h();const m=setInterval(()=>{h()},An);return()=>{l=!0,clearInterval(m)}},[]),r("section",{"aria-labelledby":"projects-title",children:[r("h1",{id:"projects-title",children:"Projects"}),c?r(Ot,{error:c}):null,e.session?null:r("p",{class:"muted",children:["Signed out: only public projects are listed. ",r("a",{href:ke("/"),children:"Sign in"})," to see yours."]}),t===null?r("p",{class:"muted",children:"Loading projects…"}):t.length===0?r("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):r(K,{children:[r("table",{class:"projects","data-testid":"projects",children:[r("caption",{class:"sr-only",children:[o," projects"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Last sync"}),r("th",{scope:"col",children:"State"}),r("th",{scope:"col",class:"num",children:"Commits"}),r("th",{scope:"col",class:"num",children:"Rows"}),r("th",{scope:"col",children:"Running live experiments"})]})}),r("tbody",{children:t.map(l=>r("tr",{"data-testid":"project","data-project":l.name,children:[r("th",{scope:"row",children:[r("a",{href:fn(l.name),children:l.name}),r("div",{class:"muted small",title:l.repoUrl,children:[l.visibility.toLowerCase()," · ",l.defaultBranch??"no default branch"]})]}),r("td",{title:xe(l.lastSyncedAt),children:ut(l.lastSyncedAt)}),r("td",{children:[r("span",{class:`badge sync-${l.syncState.toLowerCase()}`,children:l.syncState.toLowerCase()}),l.lastSyncError?r("div",{class:"sync-error","data-testid":"sync-error",children:l.lastSyncError}):null]}),r("td",{class:"num",children:l.commits.totalCount}),r("td",{class:"num","data-testid":"row-count",children:l.rows.totalCount}),r("td",{"data-testid":"running",children:l.running.totalCount===0?r("span",{class:"muted",children:"none"}):r("ul",{class:"running",children:[l.running.nodes.map(h=>r("li",{children:[r("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",ut(h.lastEventAt)]},h.id)),l.running.totalCount>l.running.nodes.length?r("li",{class:"muted",children:["and ",l.running.totalCount-l.running.nodes.length," more"]}):null]})})]},l.id))})]}),s?r("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Nn=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),jn=function(e){return"/"+e},ht={},ft=function(t,n,o){let i=Promise.resolve();if(n&&n.length>0){let l=function(h){return Promise.all(h.map(m=>Promise.resolve(m).then(a=>({status:"fulfilled",value:a}),a=>({status:"rejected",reason:a}))))};var d=l;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),u=c?.nonce||c?.getAttribute("nonce");i=l(n.map(h=>{if(h=jn(h),h in ht)return;ht[h]=!0;const m=h.endsWith(".css"),a=m?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${a}`))return;const g=document.createElement("link");if(g.rel=m?"stylesheet":Nn,m||(g.as="script"),g.crossOrigin="",g.href=h,u&&g.setAttribute("nonce",u),document.head.appendChild(g),m)return new Promise((_,S)=>{g.addEventListener("load",_),g.addEventListener("error",()=>S(new Error(`Unable to preload CSS for ${h}`)))})}))}function s(c){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=c,window.dispatchEvent(u),!u.defaultPrevented)throw c}return i.then(c=>{for(const u of c||[])u.status==="rejected"&&s(u.reason);return t().catch(s)})};async function Pn(e,t){const[{default:n},{expressionInterpreter:o}]=await Promise.all([ft(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),ft(()=>import("./vega-interpreter-BmnYaw1U.js").then(s=>s.v),[])]),i=await n(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>i.finalize()}}function Mn(e){const[t,n]=R(null),[o,i]=R(null),[s,d]=R(!0),c=e.ids.join(",");V(()=>{let h=!1;return n(null),J(mn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(m=>{const a=m.node;!h&&a&&"compare"in a&&n(a.compare)}).catch(m=>{h||i(m instanceof Error?m.message:String(m))}),()=>{h=!0}},[e.projectId,c,e.baselineId]);const u=new Set(t?.differing??[]),l=t?t.rows.filter(h=>!s||u.has(h.column)):[];return r("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[r("div",{class:"compare-head",children:[r("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),r("label",{children:[r("input",{type:"checkbox",checked:s,onChange:h=>d(h.currentTarget.checked)})," only columns that differ"]}),r("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?r("p",{class:"sync-error",children:o}):null,!t&&!o?r("p",{class:"muted",children:"Loading…"}):null,t?r(K,{children:[r("div",{class:"compare-table-wrap",children:r("table",{class:"compare-table",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Column"}),t.experiments.map(h=>r("th",{scope:"col",children:h.name??h.sha?.slice(0,7)??h.id},h.id))]})}),r("tbody",{children:l.map(h=>r("tr",{children:[r("th",{scope:"row",title:h.column,children:h.column}),h.values.map((m,a)=>{const g=h.deltas[a],_=h.better[a];return r("td",{class:`num ${_===!0?"better":_===!1?"worse":""}`,children:[ze(m),g!=null&&g!==0?r("span",{class:"delta",children:[" (",Le(g),")"]}):null]},a)})]},h.column))})]})}),r("div",{class:"plots","data-testid":"plots",children:[t.plots.map(h=>r(Hn,{plot:h},h.id)),t.plots.length===0?r("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?r("ul",{class:"plot-errors",children:t.plotErrors.map((h,m)=>r("li",{class:"sync-error",children:[h.revision,": ",h.plot??"all plots",": ",h.message]},m))}):null]}):null]})}function Hn(e){const{plot:t}=e;return t.kind==="IMAGE"?r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r("div",{class:"images",children:t.images.map(n=>r("img",{src:n.url,alt:`${t.id} of ${n.revision}${n.step!==null?` at step ${n.step}`:""}`,loading:"lazy"},n.url))})]}):r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r(Dn,{spec:t.spec})]})}function Dn(e){const t=Ge(null),[n,o]=R("loading");return V(()=>{const i=t.current;if(!i||e.spec==null)return;let s=null,d=!1;return Pn(i,e.spec).then(c=>{d?c.finalize():(s=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,s?.finalize()}},[e.spec]),r("div",{class:"chart-wrap","data-state":n==="loading"||n==="ready"?n:"error",children:[r("div",{ref:t,class:"chart","data-testid":"chart"}),n!=="loading"&&n!=="ready"?r("p",{class:"sync-error",children:n}):null]})}const On=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Ln=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Bn={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Lt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),n=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+n.length<=40?[...t,...n]:[...t.slice(0,20),...n.slice(0,20)]}function pt(e){return{columns:Lt(e.columns),sort:null,git:{...Bn},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function le(e){const t={},n=e.git;n.branch&&(t.branch=n.branch),n.onBranch&&(t.onBranch=n.onBranch),n.tag&&(t.tag=n.tag),n.detached&&(t.detached=n.detached==="only"),n.author.trim()&&(t.author=n.author.trim()),n.message.trim()&&(t.message=n.message.trim());const o=e.conditions.filter(i=>i.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function ye(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function mt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ie(e){return typeof e=="string"?e:""}function _t(e,t,n,o=[]){const i=new Set(t.columns.map(a=>a.id)),s=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(c){const a=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?u={key:c.column,direction:a}:typeof c.field=="string"&&c.field&&(u={key:"field:"+c.field,direction:a})}const l=s.detached===!0?"only":s.detached===!1?"none":"",h={};for(const a of o)a.goal&&(h[a.column]=a.goal);const m=e.columns.filter(a=>i.has(a));return{...n,columns:m.length?m:Lt(t.columns),sort:u,git:{branch:ie(s.branch),onBranch:ie(s.onBranch),tag:ie(s.tag),detached:l,author:ie(s.author),message:ie(s.message)},conditions:Array.isArray(s.columns)?s.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:n.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function qn(e,t){const n=new Map;for(const o of e.columnGoals)o.goal&&n.set(o.column,o.goal);for(const[o,i]of Object.entries(t.viewGoals))n.set(o,i);return n}function Fn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Un(e,t){const n=new URLSearchParams;n.set("filter",JSON.stringify(le(t)));const o=ye(t.sort);o&&n.set("orderBy",JSON.stringify(o));for(const i of t.columns)n.append("columns",i);return`/api/projects/${e}/experiments.csv?${n.toString()}`}function Vn(e){const{project:t,state:n,update:o}=e,i=l=>o({git:{...n.git,...l}}),s=t.branches.filter(l=>n.showHidden||!l.hidden),d=n.conditions,c=(l,h)=>o({conditions:d.map((m,a)=>a===l?{...m,...h}:m)}),u=d.length+Object.values(n.git).filter(l=>l!=="").length;return r("details",{class:"panel","data-testid":"filters",children:[r("summary",{children:["Filters",u?` (${u})`:""]}),r("div",{class:"panel-body",children:[r("fieldset",{children:[r("legend",{children:"Git"}),r("label",{children:["Branch",r("select",{value:n.git.branch,onChange:l=>i({branch:l.currentTarget.value}),"data-testid":"filter-branch",children:[r("option",{value:"",children:"any"}),s.map(l=>r("option",{value:l.name,children:l.name},l.name))]})]}),r("label",{children:["Commits on branch",r("select",{value:n.git.onBranch,onChange:l=>i({onBranch:l.currentTarget.value}),children:[r("option",{value:"",children:"any"}),s.map(l=>r("option",{value:l.name,children:l.name},l.name))]})]}),r("label",{children:["Tag",r("select",{value:n.git.tag,onChange:l=>i({tag:l.currentTarget.value}),children:[r("option",{value:"",children:"any"}),t.tags.map(l=>r("option",{value:l.name,children:l.name},l.name))]})]}),r("label",{children:["Detached",r("select",{value:n.git.detached,onChange:l=>i({detached:l.currentTarget.value}),children:[r("option",{value:"",children:"shown"}),r("option",{value:"only",children:"only"}),r("option",{value:"none",children:"left out"})]})]}),r("label",{children:["Author",r("input",{type:"search",value:n.git.author,onChange:l=>i({author:l.currentTarget.value})})]}),r("label",{children:["Message",r("input",{type:"search",value:n.git.message,onChange:l=>i({message:l.currentTarget.value})})]})]}),r("fieldset",{children:[r("legend",{children:"Values"}),d.map((l,h)=>r("div",{class:"condition","data-testid":"condition",children:[r("label",{children:[r("span",{class:"sr-only",children:["Column of condition ",h+1]}),r("select",{value:l.column,onChange:m=>c(h,{column:m.currentTarget.value}),children:t.columns.map(m=>r("option",{value:m.id,children:m.id},m.id))})]}),r("label",{children:[r("span",{class:"sr-only",children:["Operator of condition ",h+1]}),r("select",{value:l.op,onChange:m=>c(h,{op:m.currentTarget.value}),children:On.map(m=>r("option",{value:m.op,children:m.label},m.op))})]}),l.op!=="EXISTS"?r("label",{children:[r("span",{class:"sr-only",children:["Value of condition ",h+1]}),r("input",{type:"text",value:l.value===null||l.value===void 0?"":typeof l.value=="string"?l.value:JSON.stringify(l.value),onChange:m=>c(h,{value:Fn(m.currentTarget.value)})})]}):null,r("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>o({conditions:d.filter((m,a)=>a!==h)}),children:"✕"})]},h)),r("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const l=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];l&&o({conditions:[...d,{column:l.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?r("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Gn(e){const{project:t,state:n,update:o}=e,[i,s]=R(""),d=new Set(n.columns),c=new Map(t.columnGoals.map(_=>[_.column,_.goal])),u=(_,S)=>{const k=[...n.columns],p=k.indexOf(_),y=p+S;p<0||y<0||y>=k.length||([k[p],k[y]]=[k[y],k[p]],o({columns:k}))},l=(_,S)=>o({columns:S?[...n.columns,_]:n.columns.filter(k=>k!==_)}),h=(_,S)=>{const k={};for(const[p,y]of Object.entries(n.viewGoals))p!==_&&(k[p]=y);(S==="HIGHER"||S==="LOWER")&&(k[_]=S),o({viewGoals:k})},m=i.trim().toLowerCase(),a=new Map(t.columns.map(_=>[_.id,_])),g=[...n.columns.map(_=>a.get(_)).filter(_=>_!==void 0),...t.columns.filter(_=>!d.has(_.id))].filter(_=>!m||_.id.toLowerCase().includes(m));return r("details",{class:"panel","data-testid":"columns-chooser",children:[r("summary",{children:["Columns (",n.columns.length,"/",t.columns.length,")"]}),r("div",{class:"panel-body columns-body",children:[r("div",{class:"row-controls",children:[r("label",{children:["Find",r("input",{type:"search",value:i,onInput:_=>s(_.currentTarget.value)})]}),r("button",{type:"button",onClick:()=>o({columns:t.columns.map(_=>_.id)}),children:"Show all"}),r("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),r("ul",{class:"columns-list",children:g.map(_=>{const S=d.has(_.id),k=n.viewGoals[_.id]??"";return r("li",{"data-testid":"column-option","data-column":_.id,children:[r("label",{class:"grow",children:[r("input",{type:"checkbox",checked:S,onChange:p=>l(_.id,p.currentTarget.checked)}),r("span",{class:`kind kind-${_.kind.toLowerCase()}`,children:_.kind==="METRIC"?"M":"P"})," ",_.id]}),r("label",{children:[r("span",{class:"sr-only",children:["Goal of ",_.id]}),r("select",{value:k,onChange:p=>h(_.id,p.currentTarget.value),children:[r("option",{value:"",children:c.get(_.id)?`project: ${(c.get(_.id)??"").toLowerCase()}`:"no goal"}),r("option",{value:"HIGHER",children:"higher is better"}),r("option",{value:"LOWER",children:"lower is better"})]})]}),r("button",{type:"button",disabled:!S,"aria-label":`Move ${_.id} left`,onClick:()=>u(_.id,-1),children:"↑"}),r("button",{type:"button",disabled:!S,"aria-label":`Move ${_.id} right`,onClick:()=>u(_.id,1),children:"↓"})]},_.id)})})]})]})}function Wn(e){const[t,n]=R(""),[o,i]=R(!1),[s,d]=R(null),c=e.views.find(u=>u.name===e.current)??null;return r("div",{class:"views","data-testid":"views",children:[r("label",{children:["View",r("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[r("option",{value:"",children:"(none)"}),e.views.map(u=>r("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),c?r("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?r("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const l=t.trim()||e.current||"";if(!l){d("Name the view");return}e.save(l,o).then(h=>{d(h??`Saved “${l}”`),h||n("")})},children:[r("label",{children:["Save as",r("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>n(u.currentTarget.value),"data-testid":"view-name"})]}),r("label",{children:[r("input",{type:"checkbox",checked:o,onChange:u=>i(u.currentTarget.checked)})," shared"]}),r("button",{type:"submit",children:"Save view"})]}):null,s?r("span",{class:"muted",role:"status",children:s}):null]})}const zn=9e4,Jn=500,Qn=20;function Xn(e,t,n){const o=4+e,i=o+2+(t?1+Qn*o:0),s=Math.floor(zn/i);return Math.max(5,Math.min(n?100:Jn,s))}function Kn(e,t){const{commit:n,...o}=e,i={...o,committedAt:n?.committedAt,branches:n?.branches};return t&&e.kind==="COMMIT"&&(i.children=n?.experiments?[...n.experiments]:[]),i}class Yn{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches=new Set;collapsedRows=new Set;includeHidden;constructor(t,n,o){this.query=t,this.segments=n,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const n={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Xn(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await J(vn,n):await J(bn,n);if(this.isStopped())return;const i=o.node;if(!i||!("experiments"in i))throw new Error("the project is gone");const s=i.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of s.nodes)d.has(c.id)||t.rows.push(Kn(c,this.query.nested));t.total=Math.max(s.totalCount,t.rows.length),t.cursor=s.pageInfo.endCursor,t.hasNext=s.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(n){t.error=n instanceof Error?n.message:String(n),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const n of this.segments){if(n.label!==null&&(t.push({t:"branch",key:"b:"+n.key,seg:n}),this.collapsedBranches.has(n.key)))continue;for(const i of n.rows)if(!(!this.includeHidden&&i.hidden)&&(t.push({t:"row",key:n.key+":"+i.id,row:i,seg:n,depth:0}),i.children&&!this.collapsedRows.has(i.id)))for(const s of i.children)!this.includeHidden&&s.hidden||t.push({t:"child",key:n.key+":"+i.id+":"+s.id,row:s,parent:i,depth:1});const o=n.total===null?1:n.error?0:n.total-n.rows.length;for(let i=0;i<o;i++)t.push({t:"more",key:`m:${n.key}:${i}`,seg:n})}return this.itemsCache=t,t}*places(t){for(const n of this.segments)for(let o=0;o<n.rows.length;o++){const i=n.rows[o];if(i&&(i.id===t&&(yield{list:n.rows,index:o}),i.children)){const s=i.children.findIndex(d=>d.id===t);s>=0&&(yield{list:i.children,index:s})}}}upsert(t,n){let o=!1;for(const{list:i,index:s}of this.places(t.id)){const d=i[s];d&&(i[s]={...d,...t}),o=!0}return!o&&n&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const s of this.segments)for(const d of s.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const i=this.segments.find(s=>s.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),i.total=(i.total??0)+1,!0):!1}const n=this.segments[0];return!n||this.query.nested?!1:(n.rows.unshift({...t}),n.total!==null&&(n.total+=1),!0)}patch(t,n){let o=!1;for(const{list:i,index:s}of this.places(t)){const d=i[s];d&&(i[s]={...d,...n}),o=!0}o&&this.changed()}remove(t){let n=!1;for(const o of this.segments){const i=o.rows.length;o.rows=o.rows.filter(s=>s.id!==t),o.rows.length!==i&&(n=!0,o.total!==null&&(o.total-=i-o.rows.length));for(const s of o.rows)s.children?.some(d=>d.id===t)&&(s.children=s.children.filter(d=>d.id!==t),n=!0)}n&&this.changed()}find(t){for(const{list:n,index:o}of this.places(t))return n[o]??null;return null}}const we=32,gt=12,Zn=60,yt=2500;function er(e,t,n){const o=le(t),i=(u,l,h,m)=>({key:u,label:l,branch:h,filter:m,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!n)return[i("all",null,null,o)];const s={...o,kinds:["COMMIT"]};if(o.detached===!0)return[i("detached","Detached runs",null,o)];if(o.branch)return[i("branch:"+o.branch,o.branch,o.branch,s)];if(o.onBranch)return[i("on:"+o.onBranch,`commits on ${o.onBranch}`,null,s)];if(o.tag)return[i("tag:"+o.tag,`tag ${o.tag}`,null,s)];const c=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,l)=>u.name===e.defaultBranch?-1:l.name===e.defaultBranch?1:u.name<l.name?-1:1).map(u=>i("branch:"+u.name,u.name,u.name,{...s,branch:u.name}));return o.detached!==!1&&c.push(i("detached","Detached runs",null,{...o,detached:!0})),c}function tr(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const wt=new WeakMap;function bt(e){let t=wt.get(e);return t||(t=new Map(e.values.map(n=>[n.column,n.value])),wt.set(e,t)),t}async function vt(e,t){try{const o=(await J(yn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function nr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function rr(e){return(e??"").split(`
`,1)[0]??""}const or=[36,250,124,120,120,240,140],ir=116,sr=84;function lr(e){const t=[...or,...e.map(()=>ir),sr];return{grid:t.map(n=>`${n}px`).join(" "),width:t.reduce((n,o)=>n+o,0)}}function ar(e){Ie(e.name);const[t,n]=R(null),[o,i]=R(!1),[s,d]=R(null),[c,u]=R(null),[l,h]=R(null),[,m]=R(0),[a,g]=R(new Set),[_,S]=R(null),[k,p]=R(null),y=Ge(new Map),$=st(async()=>{try{const f=await J(gn,{name:e.name,includeHidden:!0});return f.project?(n(f.project),f.project):(i(!0),null)}catch(f){return f instanceof ge&&(f.has("UNAUTHENTICATED")||f.has("FORBIDDEN")||f.has("NOT_FOUND"))?i(!0):d(f),null}},[e.name]);V(()=>{$().then(f=>{if(!f)return;const w=pt(f),v=new URLSearchParams(location.search).get("view"),b=v?f.views.find(I=>I.name===v):void 0;if(!b){u(w);return}vt(f.id,b.name).then(I=>u(_t(b,f,w,I)))})},[$]);const M=c?c.groupByBranch&&mt(c):!1,O=c&&t?JSON.stringify([t.id,le(c),ye(c.sort),c.columns,M,t.branches]):null;V(()=>{if(!t||!c||O===null)return;const f=new Yn({projectId:t.id,filter:le(c),orderBy:ye(c.sort),columns:c.columns,nested:M},er(t,c,M),()=>m(w=>w+1));return h(f),()=>f.stop()},[O]),V(()=>{l&&(l.includeHidden=!!c?.showHidden),l?.changed()},[l,c?.showHidden]),V(()=>{if(!l||!t)return;const f={projectId:t.id,columns:l.query.columns},w=Object.keys(l.query.filter).every(N=>N==="includeHidden"),v=N=>{y.current.set(N,Date.now()+yt),setTimeout(()=>{const A=y.current.get(N);A!==void 0&&A<=Date.now()&&(y.current.delete(N),l.changed())},yt+50)},b=dt(En,f,N=>{const A=N.experimentEvents;if(A.change==="REMOVED"||!A.experiment){l.remove(A.experimentId);return}l.upsert(A.experiment,w||A.experiment.kind==="LIVE")&&v(A.experimentId)}),I=dt(In,f,N=>{const A=N.liveMetrics;l.upsert(A.experiment,!0)&&v(A.experimentId)});return()=>{b(),I()}},[l,t]);const H=c?.baselineId??null,Y=c?JSON.stringify(c.columns):"";V(()=>{if(!H||!c)return;let f=!1;return J(wn,{id:H,columns:c.columns}).then(w=>{const v=w.node;if(f||!nr(v))return;const b=v;u(I=>I&&I.baselineId===H?{...I,baseline:b}:I)}).catch(w=>S(w instanceof Error?w.message:String(w))),()=>{f=!0}},[H,Y]);const D=st(f=>{u(w=>w&&{...w,...f,view:"view"in f?f.view??null:w.view})},[]);if(o)return r(Tn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(s)return r(Ot,{error:s});if(!t||!c||!l)return r("p",{class:"muted",children:["Loading ",e.name,"…"]});const Q=qn(t,c),L=e.session!==null,G=async f=>{const w=t.views.find(I=>I.name===f),v=new URLSearchParams(location.search);if(w){const I=await vt(t.id,w.name);u(_t(w,t,c,I)),v.set("view",w.name)}else u({...pt(t),view:null}),v.delete("view");const b=v.toString();Oe(location.pathname+(b?"?"+b:""),!0)},de=async(f,w)=>{try{const v=await J(xn,{input:{projectId:t.id,name:f,shared:w,columns:c.columns,filter:le(c),order:ye(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([N,A])=>({column:N,goal:A})),includeHidden:c.showHidden}}),b=v.saveView.errors[0];if(b)return`${b.code}: ${b.message}`;const I=v.saveView.view;if(I){const N=[...t.views.filter(Z=>Z.id!==I.id),I];n({...t,views:N}),u({...c,view:I.name});const A=new URLSearchParams(location.search);A.set("view",I.name),Oe(location.pathname+"?"+A.toString(),!0)}return null}catch(v){return v instanceof Error?v.message:String(v)}},ue=async f=>{try{const v=(await J($n,{input:{id:f.id}})).deleteView.errors[0];return v?`${v.code}: ${v.message}`:(n({...t,views:t.views.filter(b=>b.id!==f.id)}),await G(null),`Deleted “${f.name}”`)}catch(w){return w instanceof Error?w.message:String(w)}},E=async(f,w,v)=>{try{const b={input:{projectId:t.id,ids:f,branches:w},columns:l.query.columns},I=v?(await J(kn,b)).unhideRows:(await J(Sn,b)).hideRows,N=I.errors[0];if(N){S(`${N.code}: ${N.message}`);return}for(const A of I.experiments)l.patch(A.id,{hidden:A.hidden,autoHidden:A.autoHidden});w.length&&await $(),g(new Set),S(`${v?"Shown":"Hidden"}: ${f.length+w.length}`)}catch(b){S(b instanceof Error?b.message:String(b))}},C=[...a].map(f=>l.find(f)).filter(f=>f!==null),x=mt(c);return r("section",{class:"table-page","aria-labelledby":"table-title",children:[r("div",{class:"title-bar",children:[r("h1",{id:"table-title",children:t.name}),r("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",xe(t.lastSyncedAt)," ·"," ",r("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?r("span",{class:"sync-error",children:t.lastSyncError}):null,r("a",{class:"csv",href:Un(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),r("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[r(Wn,{views:t.views,current:c.view,signedIn:L,pick:f=>{G(f)},save:de,remove:ue}),r(Vn,{project:t,state:c,update:D}),r(Gn,{project:t,state:c,update:D}),r("label",{title:x?"":"A sort by a value or a value filter lists rows flat",children:[r("input",{type:"checkbox",checked:c.groupByBranch&&x,disabled:!x,onChange:f=>D({groupByBranch:f.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.showHidden,onChange:f=>D({showHidden:f.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:f=>D({deltas:f.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),r("div",{class:"selection-bar","aria-live":"polite",children:[r("span",{children:a.size?`${a.size} selected`:"Select rows to hide them or to use one as the baseline."}),a.size?r(K,{children:[r("button",{type:"button",disabled:!L,onClick:()=>{E([...a],[],!1)},children:"Hide selected"}),r("button",{type:"button",disabled:!L,onClick:()=>{E([...a],[],!0)},children:"Unhide selected"}),r("button",{type:"button",disabled:C.length!==1,onClick:()=>D({baseline:C[0]??null,baselineId:C[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),r("button",{type:"button",disabled:a.size>100,onClick:()=>p([...a]),"data-testid":"compare",children:"Compare"}),r("button",{type:"button",onClick:()=>g(new Set),children:"Clear selection"})]}):null,c.baseline?r("button",{type:"button",onClick:()=>D({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,_?r("span",{class:"muted",role:"status",children:_}):null]}),k?r(Mn,{projectId:t.id,ids:k,baselineId:c.baselineId,onClose:()=>p(null)}):null,r(cr,{project:t,model:l,state:c,goals:Q,selected:a,flash:y.current,signedIn:L,onSelect:(f,w)=>{const v=new Set(a);w?v.add(f):v.delete(f),g(v)},onSort:f=>{const w=c.sort,v=w?.key!==f?{key:f,direction:"DESC"}:w.direction==="DESC"?{key:f,direction:"ASC"}:null;D({sort:v})},onHide:(f,w)=>{E([f.id],[],w)},onHideBranch:f=>{E([],[f],!1)}})]})}function cr(e){const{model:t,state:n}=e,o=Ge(null),[i,s]=R(0),[d,c]=R(600),u=t.items(),{grid:l,width:h}=We(()=>lr(n.columns),[n.columns]);V(()=>{const p=o.current;if(!p)return;const y=new ResizeObserver(()=>c(p.clientHeight));return y.observe(p),c(p.clientHeight),()=>y.disconnect()},[]),V(()=>{o.current&&(o.current.scrollTop=0),s(0)},[t]);const m=Math.max(0,Math.floor(i/we)-gt),a=Math.min(u.length,Math.ceil((i+d)/we)+gt);V(()=>{const p=new Set,y=Math.min(u.length,a+Zn);for(let $=m;$<y;$++){const M=u[$];M?.t==="more"&&!M.seg.loading&&p.add(M.seg)}for(const $ of p)t.load($)});const g=n.baseline?2:1,_=[];for(let p=m;p<a;p++){const y=u[p];y&&_.push(r(dr,{item:y,index:p,rowIndex:p+g+1,...e},y.key))}const S=p=>n.sort?.key===p?n.sort.direction==="ASC"?"ascending":"descending":"none",k=(p,y,$,M="")=>r("div",{role:"columnheader",class:`th ${M}`,"aria-sort":S(p),"data-testid":"column-header","data-column":p,children:r("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(p),children:[r("span",{children:y}),r("span",{class:"arrow","aria-hidden":"true",children:S(p)==="ascending"?"▲":S(p)==="descending"?"▼":""})]})});return r("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+g,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>s(p.currentTarget.scrollTop),style:{"--grid":l,"--table-w":`${h}px`},children:[r("div",{role:"rowgroup",class:"thead",children:[r("div",{role:"row",class:"tr head","aria-rowindex":1,children:[r("div",{role:"columnheader",class:"th sticky0",children:r("span",{class:"sr-only",children:"Select"})}),r("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),r("div",{role:"columnheader",class:"th",children:"Status"}),Ln.map(p=>k("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),n.columns.map(p=>{const y=e.goals.get(p);return k(p,pn(p),`${p}${y?` (${y.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),r("div",{role:"columnheader",class:"th",children:r("span",{class:"sr-only",children:"Actions"})})]}),n.baseline?r(Bt,{row:n.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),r("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*we}px`},children:_}),u.length===0?r("p",{class:"empty muted",children:"No rows match."}):null]})}function dr(e){const{item:t}=e,n={transform:`translateY(${e.index*we}px)`};if(t.t==="branch"){const o=t.seg,i=e.model.collapsedBranches.has(o.key),s=o.total===null?"…":String(o.total);return r("div",{role:"row",class:"tr branch",style:n,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:r("div",{role:"cell",class:"td span",children:[r("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:i?"▸":"▾"}),r("strong",{children:o.label}),r("span",{class:"muted small",children:[s," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?r("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??""),"aria-label":`Hide branch ${o.branch}`,children:"Hide branch"}):null,o.error?r("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?r("div",{role:"row",class:"tr more",style:n,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:r("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):r(Bt,{...e,row:t.row,depth:t.depth,style:n})}function Bt(e){const{row:t,state:n,model:o}=e,i=tr(t),s=bt(t),d=n.baseline?bt(n.baseline):null,c=e.baseline===!0||n.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),l=o.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return r("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[r("div",{role:"cell",class:"td sticky0",children:r("input",{type:"checkbox","aria-label":`Select ${i}`,checked:e.selected.has(t.id),onChange:m=>e.onSelect(t.id,m.currentTarget.checked)})}),r("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?r("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?r("button",{type:"button",class:"twisty","aria-expanded":!l,"aria-label":`${l?"Show":"Hide"} the ${t.children.length} experiments of ${i}`,onClick:()=>{l?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:l?"▸":"▾"}):r("span",{class:"twisty-space","aria-hidden":"true"}),r("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:i}),c?r("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?r("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?r("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(m=>r("span",{class:"chip tag",children:m},m))]}),r("div",{role:"cell",class:"td","data-testid":"status",children:r("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),r("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),r("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),r("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:rr(t.message)}),r("div",{role:"cell",class:"td ellipsis",title:xe(t.committedAt??t.createdAt),children:xe(t.committedAt??t.createdAt).replace(" UTC","")}),n.columns.map(m=>{const a=s.get(m),g=d?.get(m);let _=ze(a),S="td num",k;if(d&&!c&&typeof a=="number"&&typeof g=="number"){const p=a-g;n.deltas&&(_=Le(p));const y=e.goals.get(m);if(y&&p!==0){const $=y==="HIGHER"?p>0:p<0;S+=$?" better":" worse",k=`${$?"better":"worse"} than the baseline (${Le(p)})`}}return r("div",{role:"cell",class:S,title:k,"data-column":m,children:_},m)}),r("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?r("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${i}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function ur(e,t){if(e==="/"||e==="")return r(Rn,{session:t});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(n?.[1]&&n[2])return r(Ne,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const i=decodeURIComponent(o[1]);return r(ar,{name:i,session:t},i)}return e==="/models"?r(Ne,{title:"Models",what:"The models dashboard"}):e==="/settings/tokens"?r(Ne,{title:"Access tokens",what:"Access tokens"}):r(Cn,{})}function hr(){const e=dn(),[t,n]=R({loaded:!1});V(()=>{ln().then(s=>n({loaded:!0,session:s})).catch(()=>n({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,i=s=>(s==="/"?e.path==="/"||e.path.startsWith("/projects/"):e.path.startsWith(s))?"page":void 0;return r(K,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"shell",children:[r("a",{class:"brand",href:"/",children:"gitstudio"}),r("nav",{"aria-label":"Main",children:r("ul",{children:[r("li",{children:r("a",{href:"/","aria-current":i("/"),children:"Projects"})}),r("li",{children:r("a",{href:"/models","aria-current":i("/models"),children:"Models"})}),r("li",{children:r("a",{href:"/settings/tokens","aria-current":i("/settings/tokens"),children:"Tokens"})}),r("li",{children:r("a",{href:"/graphql",children:"GraphiQL"})})]})}),r("div",{class:"who","data-testid":"session",children:t.loaded?o?r(K,{children:[r("span",{"data-testid":"user",children:o.user}),r("button",{type:"button",onClick:()=>{an().then(()=>{location.assign(ke("/"))})},children:"Sign out"})]}):r("a",{href:ke(),"data-testid":"sign-in",children:"Sign in"}):null})]}),r("main",{id:"main",tabIndex:-1,children:t.loaded?ur(e.path,o):r("p",{class:"muted",children:"Loading…"})})]})}const je=document.getElementById("app");je&&(hn(je),Qt(r(hr,{}),je));
