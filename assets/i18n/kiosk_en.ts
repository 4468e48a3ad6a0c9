<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>530 government services at Huangpu's 10 post offices, open at weekends too</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>Look up 1,304 services here; 824 of them can be done at this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>Social insurance, jobs, starting and running a company: done in one visit at the post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>Results can be sent home by EMS: no second trip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>Hong Kong and Macao residents can look up service guides here with their Home Return Permit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>Government services at your post office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="103" />
        <source>全部主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="134" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>Nothing found. Try other words, or call the 12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="136" />
        <source>找到的相关事项：</source>
        <translation>Services found:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="138" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>Popular services (search by name, pinyin or initials):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="140" />
        <source>第 %1 / %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="185" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>Type a service name, pinyin or initials, e.g. social security card, shebaoka, sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>‹ 上一页</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>下一页 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="194" />
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="194" />
        <source>打开键盘</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="239" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>Type what you need, or choose from the list</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="501" />
        <source>终端编号：</source>
        <translation>Terminal ID: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="502" />
        <source>服务网点：</source>
        <translation>Service point: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="503" />
        <source>事项目录版本：</source>
        <translation>Catalog version: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="514" />
        <source>软件版本：</source>
        <translation>Software: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="515" />
        <source>配置来源：</source>
        <translation>Configuration: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="506" />
        <source>设备驱动：</source>
        <translation>Device drivers: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>语音播报：</source>
        <translation>Voice guidance: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>可用</source>
        <translation>available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="318" />
        <location filename="../../ui/screens/diagnostics.py" line="390" />
        <location filename="../../ui/screens/diagnostics.py" line="454" />
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>不可用</source>
        <translation>not available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="203" />
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="205" />
        <source>指静脉仪</source>
        <translation>Finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="222" />
        <source>正在检测设备……</source>
        <translation>Checking devices…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="225" />
        <location filename="../../ui/screens/diagnostics.py" line="499" />
        <location filename="../../ui/screens/diagnostics.py" line="505" />
        <source>检测中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="228" />
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="236" />
        <source>未启用（保存为 PDF）</source>
        <translation>off (PDF kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="271" />
        <source>未安装</source>
        <translation>Not installed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="274" />
        <source>（选配）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="282" />
        <source>必需设备均正常</source>
        <translation>All required devices are working</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="282" />
        <source>必需设备故障：</source>
        <translation>Required device failing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>（将保存为 PDF）</source>
        <translation> (PDF will be kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="322" />
        <source>测试中</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="332" />
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="332" />
        <location filename="../../ui/screens/diagnostics.py" line="461" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="338" />
        <source>请把身份证放在阅读器上</source>
        <translation>Place an ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="347" />
        <source>正在打印测试页</source>
        <translation>Printing the test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="357" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>Scan any code within %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="363" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>Playing a 1000 Hz test tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="368" />
        <source>播放并录音</source>
        <translation>Playing and recording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="377" />
        <source>请把手指放在指静脉仪上</source>
        <translation>Place a finger on the finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="395" />
        <source>正在连接摄像头……</source>
        <translation>Connecting to the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="418" />
        <source>预览中</source>
        <translation>Previewing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="423" />
        <source>太暗</source>
        <translation>too dark</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="424" />
        <source>过亮</source>
        <translation>too bright</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="425" />
        <source>未对焦</source>
        <translation>out of focus</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="426" />
        <source>良好</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="429" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>Brightness %1 · focus %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="440" />
        <location filename="../../ui/screens/diagnostics.py" line="586" />
        <source>摄像头预览未开启</source>
        <translation>Camera preview is off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="504" />
        <source>服务中枢：</source>
        <translation>Service hub: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="505" />
        <source>A4 打印：</source>
        <translation>A4 printing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>拼音输入词库：</source>
        <translation>Pinyin dictionary: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>已加载</source>
        <translation>loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>未加载</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="509" />
        <source>已结束会话数：</source>
        <translation>Sessions ended: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="510" />
        <source>磁盘可用：</source>
        <translation>Disk free: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="511" />
        <source>内存可用：</source>
        <translation>Memory available: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="512" />
        <source>CPU 温度：</source>
        <translation>CPU temperature: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="512" />
        <source>无传感器</source>
        <translation>no sensor</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="513" />
        <source>运行时间：</source>
        <translation>Running for: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="566" />
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="567" />
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="568" />
        <source>最近日志（不含个人信息）</source>
        <translation>Recent log (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="569" />
        <source>麦克风电平</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="572" />
        <source>读卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="573" />
        <source>打印测试页</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="574" />
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="575" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="576" />
        <source>测试音</source>
        <translation>Tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="577" />
        <source>电平</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="578" />
        <source>回环</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>采集</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="199" />
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="200" />
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="201" />
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="202" />
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="204" />
        <source>扬声器和麦克风</source>
        <translation>Speaker and microphone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="275" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="262" />
        <location filename="../../ui/screens/diagnostics.py" line="275" />
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>（暂无日志）</source>
        <translation>(no log yet)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="542" />
        <source>正在导出报告……</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="550" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="555" />
        <source>报告已导出：</source>
        <translation>Report exported: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="564" />
        <source>退出诊断</source>
        <translation>Leave diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="565" />
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>Your information has been cleared. Please start again, or ask the staff at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>Sorry, something went wrong. Please start again</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>Guides for all 1,304 services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824 services you can do here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>Video help</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>Talk to a clerk by video</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>Home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>A postal officer collects your documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>Track an application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>See how your application is going</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>Enrolment, payments, benefits, cards</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>Instant approval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>Approved at once when eligible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>Greater Bay Area services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>Services across the Bay Area</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>Guangdong portal: Huangpu hall</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>Guangdong government services online</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>Online intermediary market</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>Intermediary services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>Yueshengshi</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>Guangdong public services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>More services ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ Main services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the government service terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>In %1 seconds this session ends and everything you entered is cleared</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="83" />
        <source>即办（当场办结）</source>
        <translation>Same day (done on the spot)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="83" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>电子版</source>
        <translation>electronic</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="91" />
        <source>本机自助办理</source>
        <translation>At this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="92" />
        <source>邮政网点窗口办理</source>
        <translation>At a post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="93" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>Online (Guangdong government portal, Yueshengshi)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="94" />
        <source>政务服务中心窗口办理</source>
        <translation>At the government service centre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="95" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>Home pickup of documents by a postal officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>个人和企业</source>
        <translation>Individuals and businesses</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>必须</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>视情况提供</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="108" />
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="111" />
        <source>需要带的材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="112" />
        <source>去哪里办</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="114" />
        <source>多久办好</source>
        <translation>How long it takes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="116" />
        <source>承诺时限：</source>
        <translation>Promised: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="117" />
        <source>法定时限：</source>
        <translation>Legal limit: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="120" />
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="121" />
        <source>可以怎么办</source>
        <translation>Ways to apply</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="122" />
        <source>办理步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="123" />
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="124" />
        <source>服务对象与部门</source>
        <translation>For whom, and which department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="125" />
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="132" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>Your guide is printed: please take it from the slot below</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="134" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>The printer is not available: scan the QR code above to keep the guide on your phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="139" />
        <source>手机扫码，把指南带走</source>
        <translation>Scan to take this guide with you</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="140" />
        <source>打印办事指南</source>
        <translation>Print this guide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="141" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>For help, call the 12345 government hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="160" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>This is the service guide. Please bring the documents listed. You can print it, or scan the QR code to take it with you</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>网上服务</source>
        <translation>Online services</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>技术人员入口</source>
        <translation>Technician access</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>终端诊断</source>
        <translation>Terminal diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>No technician PIN is set</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>Too many wrong PINs: try again in %1 seconds</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>Wrong PIN: %1 tries left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>Technician access: enter the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="138" />
        <source>返回首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="143" />
        <source>上一页</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="191" />
        <location filename="../../ui/portal.py" line="268" />
        <location filename="../../ui/portal.py" line="272" />
        <source>该网页不在本服务范围内</source>
        <translation>This page is outside this service</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="264" />
        <source>本机不提供文件下载</source>
        <translation>Downloads are not available on this terminal</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>Large text ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>Large text</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="164" />
        <location filename="../../ui/widgets/keyboard.py" line="429" />
        <source>更多 ▶</source>
        <translation>More ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="177" />
        <location filename="../../ui/widgets/keyboard.py" line="428" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>Switch input: pinyin, letters, digits</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="179" />
        <location filename="../../ui/widgets/keyboard.py" line="425" />
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="181" />
        <location filename="../../ui/widgets/keyboard.py" line="426" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="183" />
        <location filename="../../ui/widgets/keyboard.py" line="427" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="404" />
        <source>输入拼音，点选汉字</source>
        <translation>Type pinyin, then tap a character</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="407" />
        <source>词库准备中，字母直接输入</source>
        <translation>Dictionary loading: letters go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="410" />
        <source>字母、数字直接输入</source>
        <translation>Letters and digits go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
